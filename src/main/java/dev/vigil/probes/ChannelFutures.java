package dev.vigil.probes;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The asynchronous socket calls as futures. Each completes on the channel group's threads when the operating
 * system reports it: no thread waits for the target. Timeouts are the caller's (see {@link Deadline}).
 */
final class ChannelFutures {
    private ChannelFutures() {}

    static CompletableFuture<Void> connect(AsynchronousSocketChannel channel, SocketAddress address) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        try {
            channel.connect(address, null, handler(connected, ignored -> null));
        } catch (RuntimeException e) {
            connected.completeExceptionally(e);
        }
        return connected;
    }

    /** Reads what has arrived into buffer; completes with the number of bytes, -1 at the end of the stream. */
    static CompletableFuture<Integer> read(AsynchronousSocketChannel channel, ByteBuffer buffer) {
        CompletableFuture<Integer> read = new CompletableFuture<>();
        try {
            channel.read(buffer, null, handler(read, count -> count));
        } catch (RuntimeException e) {
            read.completeExceptionally(e);
        }
        return read;
    }

    /** Writes all that remains in buffer, in as many writes as it takes. */
    static CompletableFuture<Void> writeAll(AsynchronousSocketChannel channel, ByteBuffer buffer) {
        if (!buffer.hasRemaining()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Integer> written = new CompletableFuture<>();
        try {
            channel.write(buffer, null, handler(written, count -> count));
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
        return written.thenCompose(count -> writeAll(channel, buffer));
    }

    static void closeQuietly(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException alreadyGone) {
            // Closing is the last thing a check does; there is nothing left to report.
        }
    }

    private static <V, T> CompletionHandler<V, Void> handler(CompletableFuture<T> future, Function<V, T> mapping) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V value, Void attachment) {
                future.complete(mapping.apply(value));
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                future.completeExceptionally(failure);
            }
        };
    }
}
