package dev.vigil.config;

/**
 * How Vigil tells subscribers and staff about incidents.
 *
 * @param smtp the mail server, or null when none is configured: then nobody can subscribe by email
 * @param allowPrivateWebhooks whether public subscribers may register webhooks to loopback or
 *     private network addresses; off by default, so that the public form cannot make Vigil post
 *     into its own network
 */
public record NotificationConfig(SmtpConfig smtp, boolean allowPrivateWebhooks) {

    public boolean hasSmtp() {
        return smtp != null;
    }
}
