package dev.vigil.notifications;

import dev.vigil.errors.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a webhook URL typed into a form. */
final class WebhookUrls {
    static final int MAX_LENGTH = 2000;

    private WebhookUrls() {}

    /** The URL, or InvalidInput on the given field saying what is allowed. */
    static URI parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        URI uri = null;
        if (!value.isEmpty() && value.length() <= MAX_LENGTH) {
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                uri = null;
            }
        }
        boolean ok = uri != null && uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                && (uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                        || uri.getScheme().toLowerCase(Locale.ROOT).equals("http"));
        if (!ok) {
            throw InvalidInput.of(field, "Enter an http or https URL with a host, such as "
                    + "https://hooks.example.com/status (at most " + MAX_LENGTH + " characters).");
        }
        return uri;
    }
}
