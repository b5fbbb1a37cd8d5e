package dev.vigil.config;

/**
 * The mail server that subscriber mail goes through.
 *
 * @param username null when the server takes mail without signing in (then password is null too)
 * @param from the sender, an address or a name with one: {@code Acme Status <status@acme.example>}
 * @param starttls whether the connection must be upgraded to TLS before signing in and sending
 */
public record SmtpConfig(String host, int port, String username, String password, String from, boolean starttls) {

    /** Leaves the password out, so that logging the configuration never reveals it. */
    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + ", from=" + from
                + ", starttls=" + starttls + "]";
    }
}
