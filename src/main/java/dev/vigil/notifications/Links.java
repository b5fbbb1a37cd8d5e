package dev.vigil.notifications;

/** The public addresses that messages link to, built on the site's configured URL. */
final class Links {
    private final String base;

    public Links(String siteUrl) {
        this.base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public String incident(long id) {
        return base + "/incidents/" + id;
    }

    public String confirm(String token) {
        return base + "/subscribe/confirm/" + token;
    }

    public String unsubscribe(String token) {
        return base + "/unsubscribe/" + token;
    }

    public String subscribe() {
        return base + "/subscribe";
    }

    /** The host of the site, for Message-IDs. */
    public String host() {
        return java.net.URI.create(base).getHost();
    }
}
