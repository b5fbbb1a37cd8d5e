package dev.vigil.probes;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request to one URL, without following redirects, that gives up at a deadline ({@link java.util.concurrent.TimeoutException}).
 */
record SingleRequest(CappedBodyHandler handler, CompletableFuture<HttpResponse<CappedBody>> response) {

    static final String USER_AGENT = "Vigil/0.1 (+status probe)";

    /**
     * @param cookie the Cookie header carried by a steps probe, or null
     * @throws IllegalArgumentException when the URL or a header is not one the client can send (e.g. not http)
     */
    static SingleRequest send(HttpClient client, PlannedRequest planned, String cookie, long maxBodyBytes) {
        HttpRequest.BodyPublisher body = planned.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(planned.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(planned.url())
                .method(planned.method(), body)
                .header("User-Agent", USER_AGENT);
        // The probe's own headers come last, so that they replace the User-Agent if they name one.
        planned.headers().forEach(request::setHeader);
        if (cookie != null) {
            String given = planned.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Cookie"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            request.setHeader("Cookie", given == null ? cookie : given + "; " + cookie);
        }
        CappedBodyHandler handler = new CappedBodyHandler(maxBodyBytes);
        return new SingleRequest(handler, client.sendAsync(request.build(), handler));
    }

    /**
     * The response and its (capped) body, or a {@link TimeoutException} at the deadline. On timeout the request
     * is cancelled so that the client closes the connection rather than keep reading.
     *
     * @param deadlineNanos in System.nanoTime terms
     */
    CompletableFuture<HttpResponse<CappedBody>> within(long deadlineNanos) {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        // A copy, so that the timeout completes our view of the request and the client's own future is cancelled.
        CompletableFuture<HttpResponse<CappedBody>> timed = response.copy().orTimeout(remaining, TimeUnit.NANOSECONDS);
        timed.whenComplete((answer, failure) -> {
            if (failure != null && !response.isDone()) {
                handler.abandon();
                response.cancel(true);
            }
        });
        return timed;
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
