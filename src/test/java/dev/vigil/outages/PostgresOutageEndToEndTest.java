package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Dialect;
import dev.vigil.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The end-to-end tests of {@link OutageEndToEndTest}, with Vigil storing into a fresh PostgreSQL database. */
class PostgresOutageEndToEndTest extends OutageEndToEndTest {

    @RegisterExtension
    final TestDatabase postgres = TestDatabase.postgres();

    @Override
    Map<String, String> environment() {
        return Map.of("VIGIL_DB_URL", postgres.url());
    }

    @Test
    void vigilStoresIntoThePostgresDatabase() {
        assertThat(vigil.vigil().database().dialect()).isEqualTo(Dialect.POSTGRESQL);
        long probes = vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM probes")
                .mapTo(Long.class).one());
        assertThat(probes).isEqualTo(1);
    }
}
