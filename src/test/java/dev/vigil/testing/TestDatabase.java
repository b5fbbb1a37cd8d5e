package dev.vigil.testing;

import dev.vigil.db.Database;
import dev.vigil.db.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty store for one test on one backend. It is created on first use, so a test that
 * fails early leaves nothing behind, and removed by {@link #close()} together with every
 * {@link Database} opened on it. As the argument of a parameterized test, or registered as an
 * extension, it is closed by JUnit after the test, after its {@code @AfterEach} methods (which may
 * still need the database, to stop a running Vigil).
 */
public final class TestDatabase implements AutoCloseable, AfterEachCallback {
    private final Dialect dialect;
    private final EmptyStore store;
    private final List<Database> opened = new ArrayList<>();
    private String url;

    private TestDatabase(Dialect dialect, EmptyStore store) {
        this.dialect = dialect;
        this.store = store;
    }

    public static TestDatabase sqlite() {
        return new TestDatabase(Dialect.SQLITE, new SqliteFile());
    }

    public static TestDatabase postgres() {
        return new TestDatabase(Dialect.POSTGRESQL, new PostgresDatabase());
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL of the empty database, created now if it was not yet. */
    public String url() {
        if (url == null) {
            url = store.create();
        }
        return url;
    }

    /** Opens (and so migrates) the database; it is closed with this. */
    public Database open() {
        Database database = Database.open(url());
        opened.add(database);
        return database;
    }

    @Override
    public void close() {
        try {
            opened.forEach(Database::close);
            opened.clear();
        } finally {
            if (url != null) {
                store.drop();
                url = null;
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** The backend's name, which is what JUnit shows for each run of a test. */
    @Override
    public String toString() {
        return dialect.name().toLowerCase(Locale.ROOT);
    }
}
