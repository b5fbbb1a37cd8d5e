package dev.vigil.probes;

import dev.vigil.config.StatusCodes;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One request as it is sent, everything filled in: for an HTTP probe its settings, for a step its template with the
 * values extracted so far.
 *
 * @param headers including Authorization when the settings have auth
 * @param body null for none
 * @param stopAt statuses that end the request where they arrive, even when they are redirects
 */
record PlannedRequest(URI url, String method, Map<String, String> headers, String body, boolean followRedirects,
        StatusCodes stopAt) {
    /** Credentials that must not follow a redirect to another site. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    PlannedRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The request a redirect asks for. 303 turns any method but HEAD into a GET without body, and so do 301 and 302
     * for a POST, as browsers do (RFC 9110, section 15.4); 307 and 308 repeat the request as it was. Credentials
     * are dropped when the redirect leaves the site.
     */
    PlannedRequest redirectedTo(URI next, int status) {
        boolean toGet = status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST");
        Map<String, String> kept = headers;
        if (!sameOrigin(url, next)) {
            kept = headers.entrySet().stream()
                    .filter(header -> !CREDENTIALS.contains(header.getKey().toLowerCase(Locale.ROOT)))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
        if (toGet) {
            kept = kept.entrySet().stream()
                    .filter(header -> !header.getKey().toLowerCase(Locale.ROOT).startsWith("content-"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
        return new PlannedRequest(next, toGet ? "GET" : method, kept, toGet ? null : body, followRedirects, stopAt);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && portOf(a) == portOf(b);
    }

    private static int portOf(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
