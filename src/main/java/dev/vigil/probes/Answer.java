package dev.vigil.probes;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

/**
 * How one request ended, after the redirects it followed: with a complete response, or with the reason it has none.
 *
 * @param response null when failure is set
 * @param failure why no response can be checked ("connection refused", "redirect loop: ..."), or null
 * @param url the URL that gave the response (or failed): the last of the redirects
 * @param headersArrivedNanos when the last response's headers came, in System.nanoTime terms; empty if none did
 * @param status the last response's status, even when its body did not arrive; null if no headers did
 */
record Answer(HttpResponse<CappedBody> response, String failure, URI url, OptionalLong headersArrivedNanos,
        Integer status) {

    boolean failed() {
        return failure != null;
    }
}
