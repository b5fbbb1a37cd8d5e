package dev.vigil.engine;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes results to the database, in the order they arrive, so that the HTTP client's few
 * threads never wait for a transaction. Results of started checks are bounded by the in-flight limit (a check
 * holds its place until recorded); skipped checks are bounded here, by {@link #MAX_QUEUED_SKIPS}.
 */
final class Recorder {
    static final int MAX_QUEUED_SKIPS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedSkips = new AtomicInteger();
    private Thread thread;
    private volatile boolean stopping;

    /** Starts the thread, once; until then nothing runs (building Vigil starts no thread). */
    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "vigil-probe-recorder");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Records a started check's result; always accepted. */
    void result(Runnable write) {
        queue.add(write);
    }

    /** Records a skipped check, unless too many wait already; returns false then. */
    boolean skip(Runnable write) {
        if (queuedSkips.incrementAndGet() > MAX_QUEUED_SKIPS) {
            queuedSkips.decrementAndGet();
            return false;
        }
        queue.add(() -> {
            queuedSkips.decrementAndGet();
            write.run();
        });
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
        while (true) {
            Runnable next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // One failed write must not stop the others; the check is lost and the log says so.
                log.error("A probe result could not be recorded: {}", e.toString(), e);
            }
        }
    }
}
