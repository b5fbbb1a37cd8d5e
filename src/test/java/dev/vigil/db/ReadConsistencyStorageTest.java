package dev.vigil.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStore;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link Database#read} promises one consistent state, which the status page relies on. */
class ReadConsistencyStorageTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private final ComponentStore components = new ComponentStore();

    @OnEachBackend
    void aReadKeepsSeeingTheStateItStartedWithWhileAWriteCommits(TestDatabase store) {
        Database database = store.open();

        List<Integer> seen = database.read(h -> {
            int before = components.all(h).size();
            // Another thread, as Jdbi would run a write on this thread inside the open read transaction.
            CompletableFuture.runAsync(() -> database.write(w -> {
                components.upsert(w, "web", "Web application", null, null, 1, "config", AT);
                return null;
            })).join();
            return List.of(before, components.all(h).size());
        });

        assertThat(seen).containsExactly(0, 0);
        int afterwards = database.read(h -> components.all(h).size());
        assertThat(afterwards).isEqualTo(1);
    }
}
