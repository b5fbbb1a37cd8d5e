package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet's targets for the probe benchmark: one thread and one selector listening on many loopback ports, so
 * that thousands of monitors look like many hosts to the engine's per-host limit (as customers' services are),
 * answering each request "200 ok" after a delay, or never. Keep-alive connections are kept.
 */
final class FleetTarget implements AutoCloseable {
    private static final byte[] ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII);

    private record Pending(long dueNanos, SocketChannel channel) {}

    private final Selector selector;
    private final List<Integer> ports = new ArrayList<>();
    private final long delayNanos;
    private final boolean answers;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final AtomicLong requests = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    private FleetTarget(int portCount, Duration delay, boolean answers) {
        this.delayNanos = delay.toNanos();
        this.answers = answers;
        try {
            selector = Selector.open();
            for (int i = 0; i < portCount; i++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
                ports.add(((InetSocketAddress) server.getLocalAddress()).getPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, answers ? "fleet-target-slow" : "fleet-target-hanging");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers every request after the delay. */
    static FleetTarget answeringAfter(Duration delay, int ports) {
        return new FleetTarget(ports, delay, true);
    }

    /** Accepts connections and reads requests, and never answers. */
    static FleetTarget neverAnswering(int ports) {
        return new FleetTarget(ports, Duration.ZERO, false);
    }

    List<Integer> ports() {
        return ports;
    }

    long requests() {
        return requests.get();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        while (!closed) {
            try {
                long waitMillis = pending.isEmpty() ? 100
                        : Math.max(1, (pending.peek().dueNanos - System.nanoTime()) / 1_000_000);
                selector.select(waitMillis);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key, buffer);
                }
                selector.selectedKeys().clear();
                answerDue();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fleet target: " + e);
                }
            }
        }
    }

    private void handle(SelectionKey key, ByteBuffer buffer) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            SocketChannel channel = ((ServerSocketChannel) key.channel()).accept();
            if (channel != null) {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new StringBuilder());
            }
            return;
        }
        SocketChannel channel = (SocketChannel) key.channel();
        buffer.clear();
        int read;
        try {
            read = channel.read(buffer);
        } catch (IOException reset) {
            read = -1;
        }
        if (read < 0) {
            key.cancel();
            channel.close();
            return;
        }
        StringBuilder seen = (StringBuilder) key.attachment();
        seen.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        int end;
        // Requests carry no body (probes GET), so each blank line ends one request.
        while ((end = seen.indexOf("\r\n\r\n")) >= 0) {
            seen.delete(0, end + 4);
            requests.incrementAndGet();
            if (answers) {
                pending.add(new Pending(System.nanoTime() + delayNanos, channel));
            }
        }
    }

    private void answerDue() {
        long now = System.nanoTime();
        while (!pending.isEmpty() && pending.peek().dueNanos <= now) {
            SocketChannel channel = pending.poll().channel;
            try {
                // 75 bytes fit any socket buffer: one write sends them all.
                channel.write(ByteBuffer.wrap(ANSWER));
            } catch (IOException gone) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already closed by the client
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
