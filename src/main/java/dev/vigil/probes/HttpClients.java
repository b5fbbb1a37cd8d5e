package dev.vigil.probes;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP clients shared by HTTP probes, and the socket channel group shared by tcp and tls probes. Each client owns a selector thread and a connection pool,
 * so probes share one per connect timeout (the only client-level setting that differs between them).
 * Create one per application and pass it to every {@link HttpProbe}.
 *
 * <p>All clients hand their work (parsing answers, running the checks' next steps) to one small pool of
 * {@link #THREADS} threads. The client's default would be a pool that grows without limit; these tasks never
 * block, so a few threads serve any number of checks in flight.
 *
 * <p>The tcp and tls probes' sockets belong to one channel group of {@link #SOCKET_THREADS} threads, made at the
 * first such check. The JVM's default group would do, but its pool grows with bursts of completions and cannot
 * be shut down; the completion handlers never block, so two threads are plenty.
 */
public final class HttpClients implements AutoCloseable {
    static final int THREADS = 4;
    /** Seconds an idle connection is kept; see {@link #closeIdleConnectionsSoon()}. */
    static final String IDLE_SECONDS = "2";
    private static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";
    static final int SOCKET_THREADS = 2;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Map<Duration, HttpClient> byConnectTimeout = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    private final int pool;
    private AsynchronousChannelGroup socketGroup;
    private boolean closed;

    /** Starts no thread: the pool makes its threads when the first request needs one. */
    public HttpClients() {
        pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "vigil-probe-http-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        // Idle threads end, so that clients made for one probe (tests) leave nothing behind.
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Makes the JDK's HTTP clients close a connection idle for {@link #IDLE_SECONDS} s rather than the default
     * 1,200 s. A probe then opens a fresh connection for each check, as a new visitor would (a refused or slow
     * connection is seen, not hidden behind one kept open), and 10,000 probes do not hold 10,000 idle
     * connections with their buffers (about 150 MB measured with the fleet benchmark). The JDK reads the
     * property once, when its first client is built, so this must run first; a value set on the command line wins.
     */
    public static void closeIdleConnectionsSoon() {
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, IDLE_SECONDS);
        }
    }

    HttpClient forConnectTimeout(Duration connectTimeout) {
        return byConnectTimeout.computeIfAbsent(connectTimeout, this::newClient);
    }

    private HttpClient newClient(Duration connectTimeout) {
        // Redirects are followed by the probe itself so that it can report loops and enforce its own limit.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    /** The group every tcp and tls probe's socket is opened in. */
    synchronized AsynchronousChannelGroup socketGroup() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (socketGroup == null) {
            AtomicInteger count = new AtomicInteger();
            socketGroup = AsynchronousChannelGroup.withFixedThreadPool(SOCKET_THREADS, task -> {
                Thread thread = new Thread(task, "vigil-probe-socket-" + pool + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return socketGroup;
    }

    /** Stops the shared threads and closes any socket still open; call once no check is in flight. */
    @Override
    public void close() {
        executor.shutdown();
        synchronized (this) {
            closed = true;
            if (socketGroup != null) {
                try {
                    socketGroup.shutdownNow();
                } catch (IOException e) {
                    // The group's sockets are closed as far as they can be; nothing else holds them.
                }
            }
        }
    }
}
