package dev.vigil.engine;

import java.time.Duration;

/**
 * Told of each check the engine starts or skips, on the engine's timer thread, so it must return at once
 * (update a counter, never wait). Vigil's /metrics counts through it; {@link #NONE} ignores everything.
 */
public interface EngineObserver {
    EngineObserver NONE = new EngineObserver() {
        @Override
        public void checkStarted(Duration startLag) {}

        @Override
        public void checkSkipped(SkipReason reason) {}
    };

    /** A check started, this long after it could have (Vigil's own part of the delay, as in /health). */
    void checkStarted(Duration startLag);

    /** A due check did not run, for this reason. */
    void checkSkipped(SkipReason reason);
}
