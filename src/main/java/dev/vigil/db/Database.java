package dev.vigil.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store, opened and migrated. Service methods open transactions through {@link #write} and
 * {@link #read}; DAOs never do.
 *
 * <p>On SQLite all writes go through one connection: SQLite allows one writer at a time, and a
 * pool of writers only turns that into "database is locked" errors under load (see
 * https://www.sqlite.org/lockingv3.html and https://www.sqlite.org/wal.html). Readers get their own small pool and, thanks to WAL,
 * never wait for the writer. On PostgreSQL both sides share one ordinary pool.
 */
public final class Database implements AutoCloseable {
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_POOL = 8;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** Below this much free space a failed write is reported as a full disk. */
    private static final long MIN_FREE_BYTES = 64 * 1024;

    private final String jdbcUrl;
    private final Dialect dialect;
    private final Optional<SharedMemoryGuard> guard;
    private volatile Pools pools;

    /** The connection pools and their Jdbi, once {@link #open()} has made them. */
    private record Pools(HikariDataSource writerPool, HikariDataSource readerPool, Jdbi writer, Jdbi reader) {
        static Pools of(HikariDataSource writerPool, HikariDataSource readerPool) {
            Jdbi writer = Jdbi.create(writerPool);
            return new Pools(writerPool, readerPool, writer,
                    readerPool == writerPool ? writer : Jdbi.create(readerPool));
        }
    }

    private Database(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        this.dialect = Dialect.of(jdbcUrl);
        this.guard = SharedMemoryGuard.of(sqliteFile(jdbcUrl));
    }

    /** The store at this URL, not yet connected: {@link #open()} connects and migrates. */
    public static Database at(String jdbcUrl) {
        return new Database(jdbcUrl);
    }

    /** Opens the store and applies pending migrations; a failed migration throws and start-up stops. */
    public static Database open(String jdbcUrl) {
        return at(jdbcUrl).open();
    }

    /** Connects and applies pending migrations; a failed migration closes the pools and throws. */
    public synchronized Database open() {
        if (pools != null) {
            throw new IllegalStateException("the database is already open");
        }
        Pools opened = dialect == Dialect.SQLITE ? openSqlite(jdbcUrl) : openPostgres(jdbcUrl);
        try {
            migrate(opened.writerPool());
        } catch (RuntimeException e) {
            close(opened);
            throw e;
        }
        pools = opened;
        return this;
    }

    private Pools connected() {
        Pools current = pools;
        if (current == null) {
            throw new IllegalStateException("the database is not open (Vigil.start opens it)");
        }
        guard.ifPresent(SharedMemoryGuard::check);
        return current;
    }

    private static Pools openSqlite(String jdbcUrl) {
        createParentFolder(jdbcUrl);
        HikariDataSource writerPool = pool("vigil-writer", sqliteSource(jdbcUrl, false), 1, false);
        HikariDataSource readerPool = pool("vigil-reader", sqliteSource(jdbcUrl, true), SQLITE_READERS, true);
        return Pools.of(writerPool, readerPool);
    }

    private static Pools openPostgres(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("vigil-postgres");
        config.setMaximumPoolSize(POSTGRES_POOL);
        HikariDataSource pool = new HikariDataSource(config);
        return Pools.of(pool, pool);
    }

    private static DataSource sqliteSource(String jdbcUrl, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        // FULL: a check result or outage that was committed survives even a power cut, not only kill -9.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        // No memory-mapped reads of the database file (issue 11): a fault under a mapped page (a disk that fails,
        // a file cut short) arrives as SIGBUS and kills the JVM, where read() returns an error SQLite can report.
        // This is SQLite's own default; it is pinned so that a build of the driver with another cannot change it.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0");
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(jdbcUrl);
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setReadOnly(readOnly); // must match the SQLite flag, which cannot change once connected
        config.setDataSource(source);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static void createParentFolder(String jdbcUrl) {
        Optional<Path> file = sqliteFile(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        Path parent = file.get().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The database file of a SQLite URL; empty for PostgreSQL, in-memory and file: URI databases. */
    private static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    /**
     * The shared migrations, plus the folder of this store's own (db/sqlite or db/postgresql) for SQL
     * that cannot be shared, such as full-text search. Version numbers are unique across the folders.
     */
    private void migrate(DataSource writerPool) {
        Flyway.configure()
                .dataSource(writerPool)
                .locations("classpath:db/migration", "classpath:" + dialect.migrationFolder())
                .placeholders(Map.of("auto_id", dialect.autoIdColumn()))
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs the callback in one write transaction: all of it is committed, or none of it. */
    public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
        return connected().writer().inTransaction(callback);
    }

    /**
     * Runs the callback in one read transaction, so everything it reads is one consistent state.
     * Repeatable read, because PostgreSQL's default (read committed) gives each statement its own
     * snapshot; a read-only transaction never fails for it. SQLite reads one snapshot either way.
     */
    public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
        return connected().reader().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback);
    }

    /** True when the store answers a trivial query. */
    public boolean isReachable() {
        try {
            return connected().reader().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Why a write failed, in words a person understands, when the database and not what was written is at
     * fault ({@link WriteFault}); empty when the data itself was refused. SQLite's "disk I/O error" says little,
     * so for a file the file system is asked whether it is read-only or full.
     */
    public Optional<String> writeFault(Throwable failure) {
        return WriteFault.of(failure).map(fault -> sqliteFile(jdbcUrl).map(file -> onDisk(file, fault.reason()))
                .orElse(fault.reason()));
    }

    private static String onDisk(Path file, String reason) {
        if (reason.startsWith("database is locked")) {
            return reason;
        }
        try {
            FileStore disk = Files.getFileStore(file.getParent());
            Optional<String> refused = refusedWrite(file.getParent());
            if (disk.isReadOnly() || refused.filter(r -> r.contains("Read-only")).isPresent()) {
                return "read-only file system (" + reason + ")";
            }
            if (disk.getUsableSpace() < MIN_FREE_BYTES || refused.filter(r -> r.contains("space")).isPresent()) {
                return reason.startsWith("disk full") ? reason : "disk full (" + reason + ")";
            }
            if (refused.isPresent() || !Files.isWritable(file)) {
                return "the database file cannot be written: " + refused.orElse("not writable") + " (" + reason + ")";
            }
        } catch (IOException | SecurityException e) {
            return reason + "; the data folder cannot be examined: " + e.getMessage();
        }
        return reason;
    }

    /**
     * Why a small file cannot be written in the folder, if it cannot: the file system's own words ("Read-only
     * file system", "No space left on device"). Asked only after a failed write; mount flags and access(2) do
     * not tell, for instance, of an ext4 file system that turned read-only after an error.
     */
    private static Optional<String> refusedWrite(Path folder) {
        Path probe = null;
        try {
            probe = Files.createTempFile(folder, ".vigil-write-check", ".tmp");
            Files.write(probe, new byte[] {1});
            return Optional.empty();
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() == null ? e.toString() : e.getReason());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // Left behind only when the folder turned unwritable between the two calls.
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        Pools open = pools;
        pools = null;
        if (open != null) {
            close(open);
        }
    }

    private static void close(Pools open) {
        if (open.readerPool() != open.writerPool()) {
            open.readerPool().close();
        }
        open.writerPool().close();
    }

    /** Raw handle access for tests and maintenance commands that need it (integrity checks). */
    public <R, X extends Exception> R withWriterHandle(HandleCallback<R, X> callback) throws X {
        return connected().writer().withHandle(callback);
    }
}
