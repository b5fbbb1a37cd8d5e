package dev.vigil.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an HTTP probe (or one step of a steps probe) asks: the method, the headers, the body, the credentials and
 * whether redirects are followed.
 *
 * @param headers in file order; names as written
 * @param body null for none
 * @param auth null for none
 * @param followRedirects false checks a redirect itself; true follows up to {@link HttpTarget#MAX_REDIRECTS}
 */
public record RequestSettings(String method, Map<String, String> headers, String body, HttpAuth auth,
        boolean followRedirects) {

    /** What an HTTP probe did before these settings existed: a plain GET that follows redirects. */
    public static final RequestSettings PLAIN_GET = new RequestSettings("GET", Map.of(), null, null, true);

    public RequestSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** As staff see it, secrets masked, so that a log line or an exception message never holds one. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("method", method);
        RequestFields.put(shown, "", this, true);
        return shown.toString();
    }

    /** GET, or POST when there is a body to send, as curl does with -d. */
    public static String defaultMethod(String body) {
        return body == null ? "GET" : "POST";
    }
}
