package dev.vigil.probes;

import dev.vigil.config.Extraction;
import dev.vigil.config.HttpAuth;
import dev.vigil.config.Placeholders;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RequestSettings;
import dev.vigil.config.StepsTarget;
import dev.vigil.config.StepsTarget.Step;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a steps probe: each step's request is sent when the previous step has answered and passed, with the
 * cookies and extracted values so far, all before the probe's one deadline. The first step that fails ends the run
 * and names itself in the reason: step 2 "search": status 500, expected 200.
 */
final class StepsCheck {
    private final ProbeConfig config;
    private final StepsTarget target;
    private final HttpClient client;
    private final Instant scheduledAt;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private final FailureReasons failures;
    private final StepCookies cookies = new StepCookies();
    // Each step runs after the previous one completed, so these are never touched by two threads at once.
    private final Map<String, String> values = new HashMap<>();
    private URI previousUrl;
    private Verdict slowStep;

    StepsCheck(ProbeConfig config, HttpClient client, Instant scheduledAt, Instant startedAt) {
        this.config = config;
        this.target = (StepsTarget) config.target();
        this.client = client;
        this.scheduledAt = scheduledAt;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + config.timeout().toNanos();
        this.failures = new FailureReasons(config.timeout(), target.connectTimeout());
    }

    /** Starts the first step; the future completes with the result, never exceptionally. */
    CompletableFuture<CheckResult> start() {
        return run(0);
    }

    private CompletableFuture<CheckResult> run(int index) {
        Step step = target.steps().get(index);
        PlannedRequest request;
        try {
            request = planned(step);
        } catch (URISyntaxException e) {
            // The reason alone: the URL itself may now hold an extracted token.
            Answer none = new Answer(null, "the URL is not valid once filled in (" + e.getReason() + ")", null,
                    OptionalLong.empty(), null);
            return CompletableFuture.completedFuture(result(none, Verdict.down(none.failure()).within(step.label(index))));
        }
        long stepStart = System.nanoTime();
        return new RequestRun(client, request, target.maxBodyBytes(), cookies, deadlineNanos, failures).start()
                .thenCompose(answer -> answered(index, answer, Duration.ofNanos(System.nanoTime() - stepStart)));
    }

    private CompletableFuture<CheckResult> answered(int index, Answer answer, Duration took) {
        Step step = target.steps().get(index);
        if (answer.failed()) {
            return done(answer, Verdict.down(answer.failure()).within(step.label(index)));
        }
        ReadBody body = new ReadBody(answer.response().body(), target.maxBodyBytes(), deadlineNanos);
        Verdict verdict = Verdict.of(step.expect(), answer.response(), body, took);
        if (verdict.outcome() == Outcome.DOWN) {
            return done(answer, verdict.within(step.label(index)));
        }
        for (Extraction extraction : step.extract()) {
            Extractor.Extracted extracted = Extractor.extract(extraction, answer.response(), body);
            if (extracted.failure() != null) {
                return done(answer, Verdict.down(extracted.failure()).within(step.label(index)));
            }
            values.put(extraction.name(), extracted.value());
        }
        if (verdict.outcome() == Outcome.DEGRADED && slowStep == null) {
            slowStep = verdict.within(step.label(index));
        }
        previousUrl = answer.url();
        if (index + 1 < target.steps().size()) {
            return run(index + 1);
        }
        return done(answer, slowStep == null ? Verdict.up() : slowStep);
    }

    private CompletableFuture<CheckResult> done(Answer last, Verdict verdict) {
        return CompletableFuture.completedFuture(result(last, verdict));
    }

    private CheckResult result(Answer last, Verdict verdict) {
        return CheckResults.of(config.id(), scheduledAt, startedAt, startNanos,
                Duration.ofNanos(System.nanoTime() - startNanos), last, verdict);
    }

    /** The step's request with the values extracted so far; a relative URL follows on from the previous step's. */
    private PlannedRequest planned(Step step) throws URISyntaxException {
        RequestSettings settings = step.request();
        URI url = new URI(Placeholders.fill(step.url(), values, UrlText::escaped));
        if (!url.isAbsolute() && previousUrl != null) {
            url = RedirectChain.resolve(previousUrl, url.toString());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        settings.headers().forEach((name, value) -> headers.put(name, fill(value)));
        HttpAuth auth = settings.auth() == null ? null : settings.auth().filled(this::fill);
        if (auth != null) {
            headers.put("Authorization", auth.authorization());
        }
        return new PlannedRequest(url, settings.method(), headers, fill(settings.body()), settings.followRedirects(),
                step.expect().status());
    }

    private String fill(String text) {
        return Placeholders.fill(text, values, value -> value);
    }
}
