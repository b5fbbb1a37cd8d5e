package dev.vigil.probes;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out a capped body subscriber for one request and remembers when and with which status the
 * response headers arrived, which stays known even if the body then never finishes.
 */
final class CappedBodyHandler implements BodyHandler<CappedBody> {
    private final long maxBodyBytes;
    private final AtomicReference<CappedBodySubscriber> subscriber = new AtomicReference<>();
    private volatile long headersArrivedNanos;
    private volatile int status;

    CappedBodyHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public BodySubscriber<CappedBody> apply(ResponseInfo info) {
        headersArrivedNanos = System.nanoTime();
        status = info.statusCode();
        CappedBodySubscriber fresh = new CappedBodySubscriber(maxBodyBytes);
        subscriber.set(fresh);
        return fresh;
    }

    OptionalInt status() {
        return subscriber.get() == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** In System.nanoTime terms. */
    OptionalLong headersArrivedNanos() {
        return subscriber.get() == null ? OptionalLong.empty() : OptionalLong.of(headersArrivedNanos);
    }

    void abandon() {
        CappedBodySubscriber current = subscriber.get();
        if (current != null) {
            current.abandon();
        }
    }
}
