package dev.vigil.probes;

import java.net.URI;
import java.net.URISyntaxException;

/** How a probe's URL is shown to people. */
public final class ProbeUrls {
    private ProbeUrls() {}

    /** A URL may carry a password (https://user:secret@host/); viewers see the rest of it. */
    public static String withoutCredentials(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
