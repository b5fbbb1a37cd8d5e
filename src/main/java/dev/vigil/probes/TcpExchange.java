package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.TcpTarget;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A tcp probe's conversation once connected: send the text, if any, then read until the expected text has
 * arrived, the server closes, or {@link TcpTarget#MAX_RECEIVE_BYTES} were read. Without an expected text the
 * connection (and the sending) is the whole check.
 */
final class TcpExchange extends SocketCheck {
    private static final int READ_BUFFER_BYTES = 8 * 1024;

    private final TcpTarget target;
    // Appended to by one read at a time; read by the timeout's handler, hence the locking.
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    TcpExchange(ProbeConfig config, TcpTarget target, Instant scheduledAt, Instant startedAt) {
        super(config, scheduledAt, startedAt);
        this.target = target;
    }

    @Override
    CompletableFuture<Verdict> exchange(AsynchronousSocketChannel channel) {
        CompletableFuture<Void> sent = target.send() == null ? CompletableFuture.completedFuture(null)
                : ChannelFutures.writeAll(channel, ByteBuffer.wrap(target.send().getBytes(StandardCharsets.UTF_8)));
        if (target.expectReceive() == null) {
            return sent.thenApply(done -> Verdict.up());
        }
        return sent.thenCompose(done -> receive(channel, ByteBuffer.allocate(READ_BUFFER_BYTES)));
    }

    private CompletableFuture<Verdict> receive(AsynchronousSocketChannel channel, ByteBuffer buffer) {
        buffer.clear();
        return ChannelFutures.read(channel, buffer).thenCompose(count -> {
            if (count < 0) {
                return CompletableFuture.completedFuture(mismatch("the server closed the connection"));
            }
            String text = append(buffer.flip());
            if (text.contains(target.expectReceive())) {
                return CompletableFuture.completedFuture(Verdict.up());
            }
            if (receivedBytes() >= TcpTarget.MAX_RECEIVE_BYTES) {
                return CompletableFuture.completedFuture(mismatch(null));
            }
            return receive(channel, buffer);
        });
    }

    @Override
    String exchangeTimedOut() {
        if (target.expectReceive() == null) {
            return "could not send within " + timeoutText();
        }
        return receivedBytes() == 0 ? "no answer within " + timeoutText() : mismatch(null).reason();
    }

    @Override
    String exchangeFailed(Throwable cause) {
        String reason = SocketReasons.describe(cause);
        return receivedBytes() == 0 || target.expectReceive() == null ? reason : mismatch(reason).reason();
    }

    /** What arrived against what was expected; ending says how the conversation ended, when it matters. */
    private Verdict mismatch(String ending) {
        if (receivedBytes() == 0) {
            return Verdict.down((ending == null ? "nothing received" : ending) + ", expected \""
                    + ReceivedText.shown(target.expectReceive()) + "\"");
        }
        return Verdict.down("received \"" + ReceivedText.shown(text()) + "\", expected \""
                + ReceivedText.shown(target.expectReceive()) + "\"" + (ending == null ? "" : " (" + ending + ")"));
    }

    private String append(ByteBuffer buffer) {
        synchronized (received) {
            int room = TcpTarget.MAX_RECEIVE_BYTES - received.size();
            received.write(buffer.array(), buffer.position(), Math.min(room, buffer.remaining()));
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private int receivedBytes() {
        synchronized (received) {
            return received.size();
        }
    }

    private String text() {
        synchronized (received) {
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
