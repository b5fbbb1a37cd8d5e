package dev.vigil.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Another connection holding a SQLite database's write lock (BEGIN EXCLUSIVE) until closed, as a backup tool might. */
public final class SqliteWriteLock implements AutoCloseable {
    private final Connection connection;

    private SqliteWriteLock(Connection connection) {
        this.connection = connection;
    }

    public static SqliteWriteLock take(Path databaseFile) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 30000");
                statement.execute("BEGIN EXCLUSIVE");
            }
            return new SqliteWriteLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the write lock of " + databaseFile + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the write lock: " + e, e);
        }
    }
}
