package dev.vigil.engine;

import dev.vigil.probes.CheckResult;
import java.util.List;

/** Where the engine's results go: a batch at a time, in the order the checks ended, on the recorder thread. */
@FunctionalInterface
public interface ResultSink {
    void record(List<CheckResult> batch);
}
