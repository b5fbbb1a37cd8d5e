package dev.vigil.home;

import dev.vigil.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console home's tests with Vigil storing into a fresh PostgreSQL database: its reads are plain SQL on both. */
class PostgresConsoleHomeTest extends ConsoleHomeTest {

    @RegisterExtension
    final TestDatabase postgres = TestDatabase.postgres();

    @Override
    Map<String, String> environment() {
        return Map.of("VIGIL_DB_URL", postgres.url());
    }
}
