package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RequestSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One run of an HTTP probe: its request, the redirects it follows and the result, all within one deadline. */
final class HttpCheck {
    private final ProbeConfig config;
    private final HttpTarget target;
    private final HttpClient client;
    private final Instant scheduledAt;
    private final Instant startedAt;
    private final long startNanos;

    HttpCheck(ProbeConfig config, HttpClient client, Instant scheduledAt, Instant startedAt) {
        this.config = config;
        this.target = config.http();
        this.client = client;
        this.scheduledAt = scheduledAt;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
    }

    /** Starts the request; the future completes with the result, never exceptionally. */
    CompletableFuture<CheckResult> start() {
        long deadlineNanos = startNanos + config.timeout().toNanos();
        FailureReasons failures = new FailureReasons(config.timeout(), target.connectTimeout());
        PlannedRequest request = planned(target, target.request());
        return new RequestRun(client, request, target.maxBodyBytes(), null, deadlineNanos, failures)
                .start()
                .thenApply(answer -> result(answer, deadlineNanos));
    }

    static PlannedRequest planned(HttpTarget target, RequestSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        if (settings.auth() != null) {
            headers.put("Authorization", settings.auth().authorization());
        }
        return new PlannedRequest(target.url(), settings.method(), headers, settings.body(), settings.followRedirects(),
                target.expect().status());
    }

    private CheckResult result(Answer answer, long deadlineNanos) {
        Duration total = Duration.ofNanos(System.nanoTime() - startNanos);
        Verdict verdict = answer.failed() ? Verdict.down(answer.failure())
                : Verdict.of(target.expect(), answer.response(),
                        new ReadBody(answer.response().body(), target.maxBodyBytes(), deadlineNanos), total);
        return CheckResults.of(config.id(), scheduledAt, startedAt, startNanos, total, answer, verdict);
    }
}
