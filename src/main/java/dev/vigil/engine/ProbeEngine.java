package dev.vigil.engine;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the probes on their own: one timer thread starts each check on schedule, the check itself waits for its
 * target without a thread (see {@link dev.vigil.probes.Probe}), and one recorder thread writes the results. Vigil's
 * own jobs (the scheduler) share nothing with it. The recorder writes what has queued up as one batch, one
 * transaction, and keeps results waiting in memory while the database cannot take them (see {@link Recorder}). The {@link Limits} bound the checks in flight, overall and per
 * host; a check that cannot start before its probe's next one is due is recorded as skipped, with the reason.
 *
 * <p>Every field below the constants is touched on the timer thread only, except the volatile counts, the start
 * lags and the recorder, which are thread-safe.
 */
public final class ProbeEngine implements AutoCloseable {
    /** A check still unanswered this long after its own timeout is given up as down. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** At most this many skipped rows for one probe when the timer was late by many intervals at once. */
    static final int MAX_MISSED_ROWS = 100;
    private static final Logger log = LoggerFactory.getLogger(ProbeEngine.class);

    private final Clock clock;
    private final Limits limits;
    private final ScheduledThreadPoolExecutor timer;
    private final Recorder recorder;
    private final Dispatcher dispatcher;
    private final StartLags lags = new StartLags();
    private final EngineObserver observer;
    private final Map<String, Run> runs = new HashMap<>();
    private volatile int inFlight;
    private volatile int waiting;
    private volatile boolean closing;

    /** @param sink records results (checks' and skipped ones), a batch at a time, on the recorder thread */
    public ProbeEngine(ResultSink sink, Clock clock) {
        this(sink, clock, Limits.STANDARD);
    }

    public ProbeEngine(ResultSink sink, Clock clock, Limits limits) {
        this(sink, clock, limits, EngineObserver.NONE, ResultBuffer.STANDARD_BOUND);
    }

    /** @param resultBound how many results may wait for the database before the oldest are dropped */
    public ProbeEngine(ResultSink sink, Clock clock, Limits limits, int resultBound) {
        this(sink, clock, limits, EngineObserver.NONE, resultBound);
    }

    /** @param observer told of every check started or skipped, on the timer thread */
    public ProbeEngine(ResultSink sink, Clock clock, Limits limits, EngineObserver observer) {
        this(sink, clock, limits, observer, ResultBuffer.STANDARD_BOUND);
    }

    public ProbeEngine(ResultSink sink, Clock clock, Limits limits, EngineObserver observer, int resultBound) {
        this.observer = observer;
        this.recorder = new Recorder(sink, resultBound);
        this.clock = clock;
        this.limits = limits;
        this.dispatcher = new Dispatcher(limits);
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "vigil-probe-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Checks the probe every interval from now on, replacing a schedule of the same id. */
    public void schedule(ProbeSchedule plan) {
        recorder.start();
        onTimer(() -> {
            stopRun(plan.id());
            Run run = new Run(plan, System.nanoTime() + plan.firstDelay().toNanos());
            runs.put(plan.id(), run);
            run.arm();
        });
    }

    /** No check of the probe starts after this returns; one in flight finishes and is recorded. */
    public void cancel(String probeId) {
        onTimer(() -> stopRun(probeId));
    }

    /**
     * Checks the probe once now, besides its schedule, because what it reads changed (a heartbeat's ping, issue 11).
     * The check goes through the same limits and recorder as the others, so a probe's results stay one writer's,
     * in order. Returns at once; does nothing for a probe that is not scheduled or while Vigil stops.
     */
    public void checkNow(String probeId) {
        try {
            timer.execute(() -> {
                Run run = runs.get(probeId);
                if (run == null || run.stopped || closing) {
                    return;
                }
                long now = System.nanoTime();
                apply(dispatcher.due(new Dispatcher.Due(run, run.plan.host(), clock.instant(), now), now));
            });
        } catch (RejectedExecutionException stopped) {
            // Vigil is stopping: the probe's next scheduled check, after the restart, sees the same change.
        }
    }

    /** The last minute's start lags and skipped checks, and what is in flight and waiting now. */
    public EngineHealth health() {
        return lags.health(System.nanoTime(), inFlight, waiting);
    }

    /** The results waiting for the database, and why they cannot be written, if they cannot. */
    public ResultBacklog results() {
        return recorder.backlog();
    }

    /** Starts no more checks, waits (a while) for those in flight to be recorded, then stops its threads. */
    @Override
    public void close() {
        closing = true;
        try {
            onTimer(() -> {
                List.copyOf(runs.keySet()).forEach(this::stopRun);
                int dropped = dispatcher.dropWaiting();
                if (dropped > 0) {
                    log.info("{} probe checks waiting to start were dropped: Vigil is stopping", dropped);
                }
                counted();
            });
        } catch (IllegalStateException alreadyStopped) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        timer.shutdown();
        recorder.close();
    }

    private final class Run {
        final ProbeSchedule plan;
        final long intervalNanos;
        long baseNanos;
        long nextIndex;
        int failuresInARow;
        ScheduledFuture<?> next;
        boolean stopped;

        Run(ProbeSchedule plan, long baseNanos) {
            this.plan = plan;
            this.baseNanos = baseNanos;
            this.intervalNanos = plan.interval().toNanos();
        }

        long dueNanos(long index) {
            return baseNanos + index * intervalNanos;
        }

        void arm() {
            next = timer.schedule(() -> slot(this), Math.max(0, dueNanos(nextIndex) - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }

        /** The next check at the given time, and every interval from there. */
        void rebase(long atNanos) {
            next.cancel(false);
            baseNanos = atNanos;
            nextIndex = 0;
            arm();
        }
    }

    private void stopRun(String probeId) {
        Run run = runs.remove(probeId);
        if (run != null) {
            run.stopped = true;
            run.next.cancel(false);
            dispatcher.forget(run);
            counted();
        }
    }

    /** A probe's check fell due (the timer may be late: slots it missed entirely are skipped). */
    private void slot(Run run) {
        if (run.stopped || closing) {
            return;
        }
        try {
            long now = System.nanoTime();
            long index = Math.max(run.nextIndex, (now - run.baseNanos) / run.intervalNanos);
            skipMissed(run, index, now);
            run.nextIndex = index + 1;
            Dispatcher.Due due = new Dispatcher.Due(run, run.plan.host(), instantOf(run.dueNanos(index), now),
                    run.dueNanos(index));
            apply(dispatcher.due(due, now));
        } catch (RuntimeException e) {
            log.error("Probe {} could not be started: {}", run.plan.id(), e.toString(), e);
        } finally {
            run.arm();
        }
    }

    private void skipMissed(Run run, long index, long now) {
        long missed = index - run.nextIndex;
        for (long i = run.nextIndex; i < index && i < run.nextIndex + MAX_MISSED_ROWS; i++) {
            skip(new Dispatcher.Due(run, run.plan.host(), instantOf(run.dueNanos(i), now), run.dueNanos(i)),
                    SkipReason.TIMER_LATE, now);
        }
        if (missed > MAX_MISSED_ROWS) {
            log.warn("Probe {} missed {} checks while Vigil's timer was late; {} are recorded as skipped",
                    run.plan.id(), missed, MAX_MISSED_ROWS);
        }
    }

    private void apply(List<Dispatcher.Decision> decisions) {
        long now = System.nanoTime();
        for (Dispatcher.Decision decision : decisions) {
            if (decision instanceof Dispatcher.Start start) {
                start(start.due(), start.vigilLagNanos(), now);
            } else if (decision instanceof Dispatcher.Skip skip) {
                skip(skip.due(), skip.reason(), now);
            }
        }
        counted();
    }

    private void start(Dispatcher.Due due, long vigilLagNanos, long now) {
        lags.started(now, vigilLagNanos);
        observer.checkStarted(Duration.ofNanos(vigilLagNanos));
        Run run = (Run) due.key;
        Instant startedAt = clock.instant();
        CompletableFuture<CheckResult> check;
        try {
            check = run.plan.probe().start(due.scheduledAt);
        } catch (RuntimeException e) {
            check = CompletableFuture.failedFuture(e);
        }
        Duration patience = run.plan.timeout().plus(GRACE);
        check.orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> result != null ? result : gaveUp(run, due, startedAt, failure))
                .thenApply(result -> result.every(run.plan.interval())) // what it vouches for (issue 11)
                .thenAccept(result -> {
                    // Its place is freed once the result is queued, not written: a database that cannot take
                    // results must not stop the checks (issue 11). Queued before the probe's next check starts,
                    // its results still reach the database in order.
                    if (recorder.add(result)) {
                        lags.unrecorded(System.nanoTime());
                    }
                    afterQueued(run, due, result);
                });
    }

    private CheckResult gaveUp(Run run, Dispatcher.Due due, Instant startedAt, Throwable failure) {
        log.warn("Probe {} did not finish its check: {}", run.plan.id(), String.valueOf(failure));
        return new CheckResult(run.plan.id(), due.scheduledAt, startedAt,
                Duration.between(startedAt, clock.instant()), null, Outcome.DOWN,
                "check did not finish within " + run.plan.timeout().plus(GRACE).toSeconds() + " s", null);
    }

    private void afterQueued(Run run, Dispatcher.Due due, CheckResult result) {
        try {
            timer.execute(() -> {
                apply(dispatcher.finished(run, run.plan.host(), System.nanoTime()));
                pace(run, due, result);
            });
        } catch (RejectedExecutionException stopped) {
            // Vigil gave up waiting for this check while stopping; nothing else will start.
        }
    }

    /**
     * While a probe fails but its failure is not yet confirmed, its next check comes after the retry interval
     * rather than the whole interval, so that confirming an outage takes seconds. Counted here, per run, from the
     * checks this engine ran: after a restart the first failure starts the count again, which at worst retries
     * once more than needed.
     */
    private void pace(Run run, Dispatcher.Due due, CheckResult result) {
        if (run.stopped || closing || result.outcome() == Outcome.SKIPPED) {
            return;
        }
        run.failuresInARow = result.outcome().isDown() ? run.failuresInARow + 1 : 0;
        if (run.failuresInARow == 0 || run.failuresInARow >= run.plan.failuresToConfirm()) {
            return;
        }
        long retryAt = Math.max(System.nanoTime(), due.dueNanos + run.plan.retryInterval().toNanos());
        if (retryAt < run.dueNanos(run.nextIndex)) {
            run.rebase(retryAt);
        }
    }

    private void skip(Dispatcher.Due due, SkipReason reason, long now) {
        lags.skipped(now, reason);
        observer.checkSkipped(reason);
        Run run = (Run) due.key;
        CheckResult skipped = new CheckResult(run.plan.id(), due.scheduledAt, clock.instant(), Duration.ZERO, null,
                Outcome.SKIPPED, reason.sentence(run.plan.host(), limits), null);
        if (recorder.add(skipped)) {
            lags.unrecorded(now);
        }
    }

    private void counted() {
        inFlight = dispatcher.inFlight();
        waiting = dispatcher.waiting();
    }

    /** The wall-clock time of a System.nanoTime instant, on the engine's clock. */
    private Instant instantOf(long atNanos, long nowNanos) {
        return clock.instant().minusNanos(nowNanos - atNanos);
    }

    /** Runs the task on the timer thread and waits for it, so that callers see its effect at once. */
    private void onTimer(Runnable task) {
        try {
            timer.submit(task).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the probe engine is stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the probe engine failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
