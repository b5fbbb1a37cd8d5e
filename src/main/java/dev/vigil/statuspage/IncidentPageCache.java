package dev.vigil.statuspage;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Public incident pages, rendered once and kept until the next change. During an outage the
 * status page links everyone to the same incident, so its page is as hot as the status page
 * itself; this keeps that crowd off the database too. Cleared whenever the snapshot is rebuilt.
 */
final class IncidentPageCache {
    /** Enough for every incident anyone reads; ids beyond it are rendered each time, not kept. */
    static final int MAX_PAGES = 256;

    private final ConcurrentHashMap<Long, CachedResponse> pages = new ConcurrentHashMap<>();
    /** Moves on at every clear, so that a page rendered from rows read before a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    Optional<CachedResponse> page(long id, LongFunction<Optional<String>> render) {
        CachedResponse cached = pages.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = generation.get();
        Optional<CachedResponse> fresh = render.apply(id)
                .map(html -> CachedResponse.of("text/html; charset=utf-8", html));
        if (fresh.isPresent() && pages.size() < MAX_PAGES && generation.get() == seen) {
            pages.put(id, fresh.get());
            if (generation.get() != seen) {
                pages.remove(id, fresh.get()); // cleared while it was being stored
            }
        }
        return fresh;
    }

    void clear() {
        generation.incrementAndGet();
        pages.clear();
    }
}
