package dev.vigil.engine;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes results to the database, in the order they arrive, so that the HTTP client's few
 * threads never wait for a transaction. It takes whatever waits in the {@link ResultBuffer}, up to
 * {@link #MAX_BATCH}, and hands it to the sink as one batch (one transaction): results that arrive while a batch
 * is written go in the next one, so a busy database gets fewer, larger commits and an idle one sees no delay.
 *
 * <p>When the database cannot take a batch (issue 11: locked, read-only, full, unreachable) the batch is tried
 * again, whole and unchanged, after a pause that doubles from {@link #FIRST_RETRY} to {@link #LAST_RETRY}, for as
 * long as it takes; meanwhile new results wait behind it in the buffer, so every result is written once, in
 * order, with its own times. Trying it whole is right because the sink writes a batch in one transaction: a
 * batch that failed half-way was rolled back entirely, and none of its state changes happened.
 *
 * <p>A batch the sink refuses for its data rather than for a fault of the database (a "poison" result, such as
 * one of a probe the store does not know) is written one result at a time instead, each in its own transaction,
 * so that the poison costs only itself. A single result refused {@link #POISON_ATTEMPTS} times in a row is
 * dropped and logged; each of those tries also waits its pause, so a failure we failed to recognise as the
 * database's costs time, not the results behind it.
 */
final class Recorder {
    static final int MAX_BATCH = 200;
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);
    static final int POISON_ATTEMPTS = 3;
    /** How long a stopping Vigil keeps trying to write what waits before it gives up on it. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final ResultSink sink;
    private final ResultBuffer buffer;
    private final WriteState state = new WriteState();
    private Thread thread;
    private volatile long stopBy;
    private volatile boolean stopping;

    Recorder(ResultSink sink, int bound) {
        this.sink = sink;
        this.buffer = new ResultBuffer(bound);
    }

    /** Starts the thread, once; until then nothing runs (building Vigil starts no thread). */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "vigil-probe-recorder");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Queues a result (a check's, or a skipped one) for writing; always accepted. Returns true when the buffer
     * was full and its oldest result was dropped for this one (it is recorded as no data later).
     */
    boolean add(CheckResult result) {
        boolean dropped = buffer.add(result);
        if (dropped && state.firstDrop()) {
            log.warn("{} probe results wait for the database, the most Vigil keeps; the oldest are dropped from now "
                    + "on, and recorded as no data once the database takes writes again", buffer.bound());
        }
        return dropped;
    }

    /** What waits, and why it cannot be written, if it cannot. */
    ResultBacklog backlog() {
        long now = System.nanoTime();
        WriteState.Problem problem = state.problem(now);
        return new ResultBacklog(buffer.size(), buffer.oldestAge(now).toMillis(), buffer.dropped(), buffer.bound(),
                problem == null ? null : problem.reason(),
                problem == null ? 0 : Duration.ofNanos(now - problem.sinceNanos()).toMillis());
    }

    /** Writes what is queued (giving up after {@link #STOP_PATIENCE} if the database cannot take it), then ends. */
    void close() {
        stopBy = System.nanoTime() + STOP_PATIENCE.toNanos();
        stopping = true;
        Thread started;
        synchronized (this) {
            started = thread;
        }
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            List<CheckResult> batch;
            try {
                batch = buffer.take(MAX_BATCH, POLL);
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                if (stopping) {
                    return;
                }
                continue;
            }
            boolean written;
            try {
                written = writeFully(batch);
            } finally {
                buffer.done();
            }
            if (!written || !writeLost()) {
                log.error("Vigil stopped before the database took {} probe results; they are lost",
                        buffer.size() + batch.size());
                return;
            }
        }
    }

    /** Writes the batch, waiting out faults of the database; false only when Vigil stopped first. */
    private boolean writeFully(List<CheckResult> batch) {
        Duration pause = FIRST_RETRY;
        int refusals = 0;
        while (true) {
            state.attempting(System.nanoTime());
            RuntimeException failure;
            try {
                sink.record(batch);
                state.written(buffer.size() - batch.size(), buffer.dropped(), System.nanoTime());
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
            Optional<String> fault = sink.fault(failure);
            if (fault.isEmpty() && batch.size() > 1) {
                return oneByOne(batch);
            }
            state.failed(fault.orElse("a result was refused: " + failure), buffer.size(), buffer.bound(),
                    System.nanoTime());
            if (fault.isEmpty() && ++refusals >= POISON_ATTEMPTS) {
                log.error("The result of probe {} at {} could not be recorded and is dropped: {}",
                        batch.get(0).probeId(), batch.get(0).startedAt(), failure.toString(), failure);
                return true;
            }
            if (stopping && System.nanoTime() - stopBy > 0) {
                return false;
            }
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
        }
    }

    /** A batch was refused for its data: each result alone, in order, so that a poison one costs only itself. */
    private boolean oneByOne(List<CheckResult> batch) {
        log.warn("A batch of {} probe results was refused; recording them one by one", batch.size());
        for (CheckResult result : batch) {
            if (!writeFully(List.of(result))) {
                return false;
            }
        }
        return true;
    }

    /** Records what the full buffer dropped as "no data", one row per probe; false only when Vigil stopped first. */
    private boolean writeLost() {
        List<ResultBuffer.Lost> lost = buffer.takeLost();
        if (lost.isEmpty()) {
            return true;
        }
        long seconds = state.lastEpisode().toSeconds();
        return writeFully(lost.stream().map(each -> noData(each, seconds)).toList());
    }

    private static CheckResult noData(ResultBuffer.Lost lost, long seconds) {
        String reason = "result lost: the database could not take it for " + seconds + " s (" + lost.count()
                + (lost.count() == 1 ? " check, " : " checks, ") + lost.first().scheduledAt().truncatedTo(ChronoUnit.SECONDS)
                + " to " + lost.last().scheduledAt().truncatedTo(ChronoUnit.SECONDS) + ")";
        return new CheckResult(lost.probeId(), lost.first().scheduledAt(), lost.first().startedAt(), Duration.ZERO,
                null, Outcome.SKIPPED, reason, null);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
