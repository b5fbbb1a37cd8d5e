package dev.vigil.probes;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps at most a given number of body bytes, then cancels the subscription so that the client drops the
 * connection instead of downloading the rest: memory stays bounded however long the body is.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBody> {
    private final int maxBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    CappedBodySubscriber(long maxBytes) {
        // A byte array cannot hold more; nobody should configure a limit anywhere near it anyway.
        this.maxBytes = (int) Math.min(Math.max(maxBytes, 0), Integer.MAX_VALUE - 8);
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        if (!subscription.compareAndSet(null, newSubscription)) {
            newSubscription.cancel();
            return;
        }
        // One batch at a time, so that nothing piles up in the client while we stop reading.
        newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        boolean droppedBytes = false;
        for (ByteBuffer buffer : buffers) {
            int room = maxBytes - kept.size();
            int taken = Math.min(room, buffer.remaining());
            byte[] chunk = new byte[taken];
            buffer.get(chunk);
            kept.writeBytes(chunk);
            droppedBytes |= buffer.hasRemaining();
        }
        if (droppedBytes) {
            stopReading();
        } else {
            subscription.get().request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(new CappedBody(kept.toByteArray(), false));
    }

    /** Stops reading without a result, e.g. when the check ran out of time. */
    void abandon() {
        Flow.Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
    }

    private void stopReading() {
        // Complete before cancelling: the client may report the cancellation as an error, which must not win.
        body.complete(new CappedBody(kept.toByteArray(), true));
        subscription.get().cancel();
    }
}
