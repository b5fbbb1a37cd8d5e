package dev.vigil.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Reads the site block. */
final class SiteReader {
    private static final List<String> KEYS = List.of("name", "url", "time_zone");
    private static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");

    private SiteReader() {}

    /** The site, or null when the site block is not a mapping (reported). */
    static SiteConfig read(Section root) {
        return root.mapping("site", KEYS).map(SiteReader::fromSection).orElse(null);
    }

    private static SiteConfig fromSection(Section site) {
        String name = site.requiredText("name");
        URI url = site.httpUrl("url");
        ZoneId timeZone = timeZone(site);
        return new SiteConfig(name, url == null ? null : url.toString(), timeZone);
    }

    private static ZoneId timeZone(Section site) {
        String name = site.optionalText("time_zone");
        if (name == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            site.reject("time_zone", "is not a time zone; use a name such as Europe/Paris or UTC");
            return null;
        }
    }
}
