package dev.vigil.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL server, created empty and dropped afterwards.
 * The server is expected on 127.0.0.1:5432 with trust authentication, as on a developer's machine
 * and in CI; when it is not there, the test fails saying so rather than being skipped.
 */
final class PostgresDatabase implements EmptyStore {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_URL = SERVER + "postgres?user=postgres";
    private static final String CONNECT_TIMEOUT_SECONDS = "5";

    private final String name = "vigil_test_" + UUID.randomUUID().toString().replace("-", "");
    private boolean created;

    @Override
    public String create() {
        admin("CREATE DATABASE " + name);
        created = true;
        return SERVER + name + "?user=postgres";
    }

    @Override
    public void drop() {
        if (created) {
            // FORCE: a pool that is still closing its connections must not keep the database alive.
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        try {
            return DriverManager.getConnection(ADMIN_URL, properties);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + ADMIN_URL + " (" + e.getMessage() + "). "
                    + "The storage tests run on PostgreSQL as well as SQLite; start the server, e.g. with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }
}
