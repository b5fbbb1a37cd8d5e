package dev.vigil.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local target that is slow: it accepts connections and never answers (one thread holds every
 * connection open, so that hundreds of hanging checks cost the test nothing), or it answers 200 "ok" after a
 * delay, counting how many requests it holds at once.
 */
public final class StallingTarget implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final Duration delay;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    private StallingTarget(Duration delay) {
        this.delay = delay;
        try {
            serverSocket = new ServerSocket(0, 1_000, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "stalling-target-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts every connection and never sends a byte. */
    public static StallingTarget neverAnswers() {
        return new StallingTarget(null);
    }

    /** Answers each request 200 "ok" after the delay, then closes the connection. */
    public static StallingTarget answersAfter(Duration delay) {
        return new StallingTarget(delay);
    }

    public String url() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/health";
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** The most requests held unanswered at the same time (answering targets only). */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    private void acceptAll() {
        while (!serverSocket.isClosed()) {
            try {
                Socket connection = serverSocket.accept();
                accepted.incrementAndGet();
                connections.add(connection);
                if (delay != null) {
                    Thread worker = new Thread(() -> answerLater(connection), "stalling-target-answer");
                    worker.setDaemon(true);
                    worker.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answerLater(Socket connection) {
        try (connection) {
            readRequestHead(connection.getInputStream());
            mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delay.toMillis());
            } finally {
                answering.decrementAndGet();
            }
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
        } catch (IOException | InterruptedException clientWentAway) {
            // A probe giving up on the answer is part of what the tests provoke.
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("request ended early");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
