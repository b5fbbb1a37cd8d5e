package dev.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A SQLite database file in a temporary folder of its own, deleted with the folder. */
final class SqliteFile implements EmptyStore {
    private Path folder;

    @Override
    public String create() {
        try {
            folder = Files.createTempDirectory("vigil-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:sqlite:" + folder.resolve("vigil.db");
    }

    @Override
    public void drop() {
        if (folder == null) {
            return;
        }
        // Deepest first, so every folder is empty when its turn comes (SQLite leaves -wal and -shm files beside the database).
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
