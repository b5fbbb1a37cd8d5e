package dev.vigil.probes;

import dev.vigil.config.HttpTarget.Expectation;
import java.time.Duration;

/** What a complete response means against the probe's expectations. */
record Verdict(Outcome outcome, String reason) {

    static Verdict of(Expectation expect, int status, CappedBody body, Duration duration) {
        if (status != expect.status()) {
            return down("status " + status + ", expected " + expect.status());
        }
        // A capped body is not a failure: the text is searched in what was read.
        if (expect.bodyContains() != null && !body.text().contains(expect.bodyContains())) {
            return down("body did not contain \"" + expect.bodyContains() + "\"");
        }
        if (expect.maxLatency() != null && duration.compareTo(expect.maxLatency()) > 0) {
            return new Verdict(Outcome.DEGRADED, "slow: " + ReasonText.measuredSeconds(duration)
                    + ", limit " + ReasonText.seconds(expect.maxLatency()));
        }
        return new Verdict(Outcome.UP, "OK");
    }

    static Verdict up() {
        return new Verdict(Outcome.UP, "OK");
    }

    static Verdict down(String reason) {
        return new Verdict(Outcome.DOWN, ReasonText.shorten(reason));
    }
}
