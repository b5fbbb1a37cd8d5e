package dev.vigil.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real faults of the file system under a database, made with the system's own tools: a small tmpfs that can be
 * filled, an ext4 image that turns read-only after an error, immutable files. They need root (root ignores file
 * modes, so chmod makes nothing unwritable for it); a test that cannot have them is skipped, saying why.
 * {@link #close()} undoes whatever was done, in reverse.
 */
public final class FileSystemFaults implements AutoCloseable {
    private final List<List<String>> undo = new ArrayList<>();

    /** Skips the test unless it runs as root. */
    public static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount file systems and chattr files");
    }

    /** Mounts a tmpfs of this size (such as "4m") on the folder, which it creates. */
    public Path tmpfs(Path folder, String size) throws IOException {
        assumeRoot();
        Files.createDirectories(folder);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString()).isEmpty(),
                "cannot mount a tmpfs here");
        undo.add(List.of("umount", "-l", folder.toString()));
        return folder;
    }

    /**
     * Mounts a fresh ext4 image on the folder with errors=remount-ro, so that {@link #failExt4(Path)} turns it
     * read-only under whatever has files open on it, as a failing disk would.
     */
    public Path ext4(Path image, Path folder) throws IOException {
        assumeRoot();
        Files.createDirectories(folder);
        assumeTrue(run("truncate", "-s", "64M", image.toString()).isEmpty()
                && run("mkfs.ext4", "-q", "-F", image.toString()).isEmpty(), "cannot make an ext4 image here");
        assumeTrue(run("mount", "-o", "loop,errors=remount-ro", image.toString(), folder.toString()).isEmpty(),
                "cannot loop-mount an ext4 image here");
        undo.add(List.of("umount", "-l", folder.toString()));
        return folder;
    }

    /** Reports an error on the ext4 file system mounted at the folder: the kernel remounts it read-only. */
    public void failExt4(Path folder) throws IOException {
        String device = Files.readAllLines(Path.of("/proc/mounts")).stream()
                .filter(line -> line.split(" ")[1].equals(folder.toString())).map(line -> line.split(" ")[0])
                .findFirst().orElseThrow(() -> new IllegalStateException(folder + " is not mounted"));
        String name = Path.of(device).getFileName().toString();
        if (!device.startsWith("/dev/")) {
            // An image mounted with -o loop shows as the image; the loop device is the one backing it.
            String loop = run("losetup", "-j", device).orElse("");
            name = Path.of(loop.isEmpty() ? device : loop.split(":")[0]).getFileName().toString();
        }
        Files.writeString(Path.of("/sys/fs/ext4", name, "trigger_fs_error"), "1", StandardCharsets.US_ASCII);
    }

    /** Makes the files immutable, which even root cannot write; undone by {@link #release()} or close. */
    public void immutable(Path... files) throws IOException {
        assumeRoot();
        for (Path file : files) {
            assumeTrue(run("chattr", "+i", file.toString()).isEmpty(), "cannot chattr +i " + file);
            undo.add(List.of("chattr", "-i", file.toString()));
        }
    }

    /** Writes a file until the disk is full. */
    public Path fill(Path folder) throws IOException {
        Path filler = folder.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            return filler; // no space left
        }
    }

    /** Undoes every fault made so far, newest first. */
    public void release() throws IOException {
        for (int i = undo.size() - 1; i >= 0; i--) {
            if (!undo.get(i).get(0).equals("umount")) {
                run(undo.get(i).toArray(String[]::new)).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
                undo.remove(i);
            }
        }
    }

    /** Undoes everything, the mounts too. */
    @Override
    public void close() throws IOException {
        release();
        for (int i = undo.size() - 1; i >= 0; i--) {
            run(undo.get(i).toArray(String[]::new));
        }
        undo.clear();
    }

    /** Runs a command; empty when it succeeded, its output otherwise (for losetup -j: its output either way). */
    private static java.util.Optional<String> run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return java.util.Optional.of(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (command[0].equals("losetup")) {
            return java.util.Optional.of(output);
        }
        return process.exitValue() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(String.join(" ", command) + ": " + output);
    }
}
