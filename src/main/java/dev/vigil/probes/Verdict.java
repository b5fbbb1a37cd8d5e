package dev.vigil.probes;

import dev.vigil.config.HttpTarget.Expectation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** What a complete response means against the probe's expectations. */
record Verdict(Outcome outcome, String reason) {

    static Verdict of(Expectation expect, HttpResponse<CappedBody> response, ReadBody body, Duration duration) {
        Optional<String> failure = ExpectationCheck.firstFailure(expect, response.statusCode(), response.headers(), body);
        if (failure.isPresent()) {
            return down(failure.get());
        }
        if (expect.maxLatency() != null && duration.compareTo(expect.maxLatency()) > 0) {
            return new Verdict(Outcome.DEGRADED, "slow: " + ReasonText.measuredSeconds(duration)
                    + ", limit " + ReasonText.seconds(expect.maxLatency()));
        }
        return up();
    }

    static Verdict up() {
        return new Verdict(Outcome.UP, "OK");
    }

    static Verdict down(String reason) {
        return new Verdict(Outcome.DOWN, ReasonText.shorten(reason));
    }

    /** The same verdict with its reason prefixed, such as a step's name: step 2 "search": status 500. */
    Verdict within(String prefix) {
        return new Verdict(outcome, ReasonText.shorten(prefix + ": " + reason));
    }
}
