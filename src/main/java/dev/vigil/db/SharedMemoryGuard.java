package dev.vigil.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to touch a SQLite database whose WAL index cannot be written (issue 11). In WAL mode every connection
 * maps the "-shm" file beside the database into memory and writes to it (https://www.sqlite.org/walformat.html).
 * When that file becomes unwritable under a running Vigil (made immutable, its file system turned read-only
 * after a disk error), the kernel answers the next write to a mapped page with SIGBUS, which kills the JVM, status
 * page and all. Asking the file system first (one access(2) call) turns that into an ordinary failed transaction,
 * which the probe engine waits out. A change between the question and the write can still crash; the window is
 * the length of one call, where before it was every write of the fault.
 */
final class SharedMemoryGuard {
    private final Path sharedMemory;

    private SharedMemoryGuard(Path sharedMemory) {
        this.sharedMemory = sharedMemory;
    }

    /** The guard of a SQLite database file; none is needed for other stores. */
    static Optional<SharedMemoryGuard> of(Optional<Path> databaseFile) {
        return databaseFile.map(file -> new SharedMemoryGuard(file.resolveSibling(file.getFileName() + "-shm")));
    }

    /** Throws when the WAL index exists and cannot be written; SQLite creates it when it is missing. */
    void check() {
        if (Files.exists(sharedMemory) && !Files.isWritable(sharedMemory)) {
            throw new UnwritableDatabase("the database's WAL index " + sharedMemory.getFileName()
                    + " cannot be written");
        }
    }

    /** A transaction refused before it began, because SQLite could not have run it without crashing. */
    static final class UnwritableDatabase extends IllegalStateException {
        UnwritableDatabase(String message) {
            super(message);
        }
    }
}
