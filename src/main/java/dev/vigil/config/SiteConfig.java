package dev.vigil.config;

import java.time.ZoneId;

/** The public face of the page: its name, its public URL, and the zone its times are shown in. */
public record SiteConfig(String name, String url, ZoneId timeZone) {}
