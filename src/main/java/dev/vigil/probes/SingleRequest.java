package dev.vigil.probes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One GET of one URL, without following redirects, that gives up at a deadline. */
record SingleRequest(CappedBodyHandler handler, CompletableFuture<HttpResponse<CappedBody>> response) {

    static final String USER_AGENT = "Vigil/0.1 (+status probe)";

    /** @throws IllegalArgumentException when the URL is not one the client can request (e.g. not http or https) */
    static SingleRequest send(HttpClient client, URI url, long maxBodyBytes) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .header("User-Agent", USER_AGENT)
                .build();
        CappedBodyHandler handler = new CappedBodyHandler(maxBodyBytes);
        return new SingleRequest(handler, client.sendAsync(request, handler));
    }

    /**
     * Waits for the response and its (capped) body until the deadline. On timeout or interruption the
     * request is cancelled so that the client closes the connection rather than keep reading.
     *
     * @param deadlineNanos in System.nanoTime terms
     */
    HttpResponse<CappedBody> await(long deadlineNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return response.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            handler.abandon();
            response.cancel(true);
            throw e;
        }
    }

    /** The status of the response headers, if they arrived (even when the body did not). */
    OptionalInt status() {
        return handler.status();
    }

    /** In System.nanoTime terms. */
    OptionalLong headersArrivedNanos() {
        return handler.headersArrivedNanos();
    }
}
