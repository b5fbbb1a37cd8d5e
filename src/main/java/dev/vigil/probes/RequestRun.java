package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * One request and the redirects it follows, up to {@link HttpTarget#MAX_REDIRECTS}, before a deadline. Each
 * request is sent when the previous one answers, on the HTTP client's threads, so no thread waits for the target.
 */
final class RequestRun {
    private final HttpClient client;
    private final long maxBodyBytes;
    private final StepCookies cookies;
    private final long deadlineNanos;
    private final FailureReasons failures;
    private final RedirectChain chain;
    private PlannedRequest current;
    // Written before each request starts and read when it ends, possibly on another thread.
    private volatile SingleRequest lastRequest;

    /**
     * @param cookies the cookies a steps probe carries, or null for none
     * @param deadlineNanos in System.nanoTime terms
     */
    RequestRun(HttpClient client, PlannedRequest request, long maxBodyBytes, StepCookies cookies, long deadlineNanos,
            FailureReasons failures) {
        this.client = client;
        this.current = request;
        this.maxBodyBytes = maxBodyBytes;
        this.cookies = cookies;
        this.deadlineNanos = deadlineNanos;
        this.failures = failures;
        this.chain = new RedirectChain(request.url());
    }

    /** Sends the first request; the future completes with the answer, never exceptionally. */
    CompletableFuture<Answer> start() {
        CompletableFuture<Answer> followed;
        try {
            followed = follow();
        } catch (IllegalArgumentException e) {
            followed = CompletableFuture.failedFuture(e);
        }
        return followed.exceptionally(this::failed);
    }

    private Answer failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return failure(failures.timedOut());
        }
        if (cause instanceof IllegalArgumentException) {
            return failure("cannot request " + chain.current() + ": " + cause.getMessage());
        }
        return failure(failures.describe(cause, chain.current()));
    }

    /** @throws IllegalArgumentException when the URL or a header is not one the client can send */
    private CompletableFuture<Answer> follow() {
        String cookie = cookies == null ? null : cookies.headerFor(chain.current()).orElse(null);
        lastRequest = SingleRequest.send(client, current, cookie, maxBodyBytes);
        return lastRequest.within(deadlineNanos).thenCompose(this::answered);
    }

    private CompletableFuture<Answer> answered(HttpResponse<CappedBody> response) {
        if (cookies != null) {
            cookies.keep(chain.current(), response.headers());
        }
        Optional<String> location = response.headers().firstValue("Location");
        // A probe expecting a redirect status checks the redirect itself rather than where it leads.
        boolean endsHere = !current.followRedirects()
                || !RedirectChain.isRedirect(response.statusCode())
                || current.stopAt().contains(response.statusCode())
                || location.isEmpty();
        if (endsHere) {
            return CompletableFuture.completedFuture(new Answer(response, null, chain.current(),
                    headersArrived(), response.statusCode()));
        }
        Optional<Answer> stop = redirectTo(location.get(), response.statusCode());
        return stop.map(CompletableFuture::completedFuture).orElseGet(this::follow);
    }

    /** Moves on to the redirect target, or gives the answer that ends the run there. */
    private Optional<Answer> redirectTo(String location, int status) {
        URI next;
        try {
            next = RedirectChain.resolve(chain.current(), location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.of(failure("invalid redirect location: " + location));
        }
        if (chain.wouldLoop(next)) {
            return Optional.of(failure("redirect loop: " + chain.describeWith(next)));
        }
        if (chain.redirectsFollowed() >= HttpTarget.MAX_REDIRECTS) {
            return Optional.of(failure("more than " + HttpTarget.MAX_REDIRECTS + " redirects"));
        }
        chain.follow(next);
        current = current.redirectedTo(next, status);
        return Optional.empty();
    }

    private Answer failure(String reason) {
        SingleRequest last = lastRequest;
        Integer status = last != null && last.status().isPresent() ? last.status().getAsInt() : null;
        return new Answer(null, reason, chain.current(), headersArrived(), status);
    }

    private OptionalLong headersArrived() {
        SingleRequest last = lastRequest;
        return last == null ? OptionalLong.empty() : last.headersArrivedNanos();
    }
}
