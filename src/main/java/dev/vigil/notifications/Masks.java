package dev.vigil.notifications;

import java.net.URI;

/**
 * Addresses as the console and the log show them: enough to recognise, not enough to harvest.
 * Webhook URLs are cut to their host because services such as Slack put the credential in the path.
 */
final class Masks {
    private Masks() {}

    /** "a***@example.com". */
    public static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** "https://hooks.slack.com/…". */
    public static String url(String url) {
        try {
            URI uri = URI.create(url);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            boolean more = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + port + (more ? "/…" : "");
        } catch (IllegalArgumentException e) {
            return "(not a valid URL)";
        }
    }

    public static String target(Channel channel, String target) {
        return channel == Channel.EMAIL ? email(target) : url(target);
    }
}
