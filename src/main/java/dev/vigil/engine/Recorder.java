package dev.vigil.engine;

import dev.vigil.probes.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes results to the database, in the order they arrive, so that the HTTP client's few
 * threads never wait for a transaction. It takes whatever is queued, up to {@link #MAX_BATCH}, and hands it to
 * the sink as one batch (one transaction): results that arrive while a batch is written go in the next one, so
 * a busy database gets fewer, larger commits and an idle one sees no added delay.
 *
 * <p>The queue is bounded: results of started checks by the in-flight limit (a check holds its place until
 * recorded), skipped checks here, by {@link #MAX_QUEUED_SKIPS}.
 */
final class Recorder {
    static final int MAX_BATCH = 200;
    static final int MAX_QUEUED_SKIPS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    /** One result, and what to do once it is written (free the check's place), if anything. */
    private record Entry(CheckResult result, Runnable afterwards, boolean skip) {}

    private final ResultSink sink;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedSkips = new AtomicInteger();
    private Thread thread;
    private volatile boolean stopping;

    Recorder(ResultSink sink) {
        this.sink = sink;
    }

    /** Starts the thread, once; until then nothing runs (building Vigil starts no thread). */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "vigil-probe-recorder");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Records a started check's result, then runs afterwards; always accepted. */
    void result(CheckResult result, Runnable afterwards) {
        queue.add(new Entry(result, afterwards, false));
    }

    /** Records a skipped check, unless too many wait already; returns false then. */
    boolean skip(CheckResult skipped) {
        if (queuedSkips.incrementAndGet() > MAX_QUEUED_SKIPS) {
            queuedSkips.decrementAndGet();
            return false;
        }
        queue.add(new Entry(skipped, null, true));
        return true;
    }

    /** Writes what is queued, then ends the thread. */
    void close() {
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
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Entry first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        try {
            sink.record(batch.stream().map(Entry::result).toList());
        } catch (RuntimeException e) {
            // One failed batch must not stop the others; its checks are lost and the log says so.
            log.error("{} probe results could not be recorded: {}", batch.size(), e.toString(), e);
        } finally {
            for (Entry entry : batch) {
                if (entry.skip()) {
                    queuedSkips.decrementAndGet();
                }
                if (entry.afterwards() != null) {
                    entry.afterwards().run();
                }
            }
        }
    }
}
