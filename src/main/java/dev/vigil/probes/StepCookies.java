package dev.vigil.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies of one run of a steps probe, carried from each answer to the following requests as a browser would
 * (domain, path, expiry and Secure as java.net.CookieManager applies them). The HTTP clients are shared by all
 * probes and have no cookie handler, so each run keeps its own store here: a few small objects, thrown away with
 * the run, where a client per run would cost a selector thread and a connection pool.
 */
final class StepCookies {
    // Only the site that answers may set its cookies, so one site cannot plant cookies for another step's host.
    private final CookieManager manager = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    /** Keeps the Set-Cookie headers of an answer from url. */
    void keep(URI url, HttpHeaders headers) {
        try {
            manager.put(url, headers.map());
        } catch (IOException e) {
            // The in-memory store never throws; a store that did would be a bug worth seeing.
            throw new UncheckedIOException(e);
        }
    }

    /** The Cookie header for a request to url, if any cookie applies (RFC 6265, section 5.4). */
    Optional<String> headerFor(URI url) {
        try {
            List<String> cookies = manager.get(url, Map.of()).getOrDefault("Cookie", List.of());
            return cookies.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", cookies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
