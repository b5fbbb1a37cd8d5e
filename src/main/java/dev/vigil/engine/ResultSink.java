package dev.vigil.engine;

import dev.vigil.db.WriteFault;
import dev.vigil.probes.CheckResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the engine's results go: a batch at a time, in the order the checks ended, on the recorder thread. A
 * batch is written whole or not at all (one transaction): when {@link #record} throws, nothing of it was kept.
 */
@FunctionalInterface
public interface ResultSink {
    void record(List<CheckResult> batch);

    /**
     * Why a batch could not be written, when the store rather than the results is at fault (it is locked,
     * full, unreachable): the batch is then tried again later, unchanged. Empty when the store refused the
     * results themselves.
     */
    default Optional<String> fault(RuntimeException failure) {
        return WriteFault.of(failure).map(WriteFault::reason);
    }

    /** A sink that writes with the one function and explains its faults with the other. */
    static ResultSink of(Consumer<List<CheckResult>> record, Function<Throwable, Optional<String>> fault) {
        return new ResultSink() {
            @Override
            public void record(List<CheckResult> batch) {
                record.accept(batch);
            }

            @Override
            public Optional<String> fault(RuntimeException failure) {
                return fault.apply(failure);
            }
        };
    }
}
