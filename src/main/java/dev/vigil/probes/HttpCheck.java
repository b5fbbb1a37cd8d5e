package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * One run of an HTTP probe: the request, the redirects it follows and the result, all within one deadline. Each
 * step runs when the previous one answers, on the HTTP client's threads, so no thread waits for the target.
 */
final class HttpCheck {
    private final ProbeConfig config;
    private final HttpTarget target;
    private final HttpClient client;
    private final FailureReasons failures;
    private final Instant scheduledAt;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private final RedirectChain chain;
    // Written before each request starts and read when it ends, possibly on another thread.
    private volatile SingleRequest lastRequest;

    HttpCheck(ProbeConfig config, HttpClient client, Instant scheduledAt, Instant startedAt) {
        this.config = config;
        this.target = config.http();
        this.client = client;
        this.failures = new FailureReasons(config.timeout(), target.connectTimeout());
        this.scheduledAt = scheduledAt;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + config.timeout().toNanos();
        this.chain = new RedirectChain(target.url());
    }

    /** Starts the first request; the future completes with the result, never exceptionally. */
    CompletableFuture<CheckResult> start() {
        CompletableFuture<CheckResult> followed;
        try {
            followed = follow();
        } catch (IllegalArgumentException e) {
            followed = CompletableFuture.failedFuture(e);
        }
        return followed.exceptionally(this::failed);
    }

    private CheckResult failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return result(Verdict.down(failures.timedOut()));
        }
        if (cause instanceof IllegalArgumentException) {
            return result(Verdict.down("cannot request " + chain.current() + ": " + cause.getMessage()));
        }
        return result(Verdict.down(failures.describe(cause, chain.current())));
    }

    /** @throws IllegalArgumentException when the URL is not one the client can request */
    private CompletableFuture<CheckResult> follow() {
        lastRequest = SingleRequest.send(client, chain.current(), target.maxBodyBytes());
        return lastRequest.within(deadlineNanos).thenCompose(this::answered);
    }

    private CompletableFuture<CheckResult> answered(HttpResponse<CappedBody> response) {
        Optional<String> location = response.headers().firstValue("Location");
        // A probe expecting a redirect status checks the redirect itself rather than where it leads.
        boolean endsHere = !RedirectChain.isRedirect(response.statusCode())
                || response.statusCode() == target.expect().status()
                || location.isEmpty();
        if (endsHere) {
            Duration total = elapsed();
            return CompletableFuture.completedFuture(
                    result(Verdict.of(target.expect(), response.statusCode(), response.body(), total), total));
        }
        Optional<CheckResult> stop = redirectTo(location.get());
        return stop.map(CompletableFuture::completedFuture).orElseGet(this::follow);
    }

    /** Moves on to the redirect target, or gives the result that ends the check there. */
    private Optional<CheckResult> redirectTo(String location) {
        URI next;
        try {
            next = RedirectChain.resolve(chain.current(), location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.of(result(Verdict.down("invalid redirect location: " + location)));
        }
        if (chain.wouldLoop(next)) {
            return Optional.of(result(Verdict.down("redirect loop: " + chain.describeWith(next))));
        }
        if (chain.redirectsFollowed() >= HttpTarget.MAX_REDIRECTS) {
            return Optional.of(result(Verdict.down("more than " + HttpTarget.MAX_REDIRECTS + " redirects")));
        }
        chain.follow(next);
        return Optional.empty();
    }

    private CheckResult result(Verdict verdict) {
        return result(verdict, elapsed());
    }

    private CheckResult result(Verdict verdict, Duration duration) {
        Duration timeToFirstByte = null;
        Integer statusCode = null;
        if (lastRequest != null && lastRequest.headersArrivedNanos().isPresent()) {
            timeToFirstByte = Duration.ofNanos(lastRequest.headersArrivedNanos().getAsLong() - startNanos);
            statusCode = lastRequest.status().getAsInt();
        }
        return new CheckResult(config.id(), scheduledAt, startedAt, duration, timeToFirstByte,
                verdict.outcome(), verdict.reason(), statusCode);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
