package dev.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.probes.CheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's results on their way to the server (issue 11), on disk so that they survive the server being away
 * and the agent restarting: an append-only file of one JSON result per line ({@link ResultJson}), and a small
 * state file saying where the unsent part begins. Sent results are acknowledged by moving that point; the file is
 * rewritten without them now and then under a new generation number, so a crash mid-way leaves either the old file
 * or the new one in force. At most {@code capacity} results wait: beyond that the oldest are dropped, said in the
 * log, and counted, so that the next batch tells the server which time has no data.
 *
 * <p>Thread-safe: the engine's recorder appends while the sender reads and acknowledges.
 */
final class ResultBuffer {
    private static final Logger log = LoggerFactory.getLogger(ResultBuffer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "buffer.state";
    /** The sent part of the file is cut away once it is this large. */
    private static final long COMPACT_AFTER_BYTES = 4L * 1024 * 1024;

    /** One unsent line: its size on disk and when its check started. */
    private record Line(long seq, int bytes, Instant startedAt) {}

    /** Results the buffer dropped, oldest first. */
    record Gap(int count, Instant from, Instant until) {}

    /**
     * The oldest unsent results, as JSON lines, and the gap to report with them (null when none).
     * lastSeq is what {@link #acknowledge} takes.
     */
    record Batch(List<JsonNode> results, Gap dropped, long lastSeq) {
        boolean isEmpty() {
            return results.isEmpty() && dropped == null;
        }
    }

    private final Path dir;
    private final int capacity;
    private final ArrayDeque<Line> unsent = new ArrayDeque<>();
    private long generation;
    private long offset;
    private long nextSeq;
    private Gap dropped;

    private ResultBuffer(Path dir, int capacity) {
        this.dir = dir;
        this.capacity = capacity;
    }

    /** Opens the buffer in dir, with what a previous run left unsent. */
    static ResultBuffer open(Path dir, int capacity) {
        ResultBuffer buffer = new ResultBuffer(dir, capacity);
        try {
            Files.createDirectories(dir);
            buffer.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the agent's buffer in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
        return buffer;
    }

    /** Writes the results to disk (synced) before returning; drops the oldest if more than capacity wait. */
    synchronized void append(List<CheckResult> results) {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        List<Line> lines = new ArrayList<>();
        for (CheckResult result : results) {
            String line = write(ResultJson.write(result)) + "\n";
            text.append(line);
            lines.add(new Line(nextSeq++, line.getBytes(StandardCharsets.UTF_8).length, result.startedAt()));
        }
        try (FileChannel file = FileChannel.open(file(generation), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("results could not be written to the agent's buffer: " + e.getMessage(), e);
        }
        unsent.addAll(lines);
        if (unsent.size() > capacity) {
            // A hundredth of the room at a time, so that a long absence logs a line now and then, not per check.
            dropOldest(Math.max(unsent.size() - capacity, capacity / 100));
        }
    }

    /** The oldest unsent results, at most limit of them. */
    synchronized Batch peek(int limit) {
        List<JsonNode> results = new ArrayList<>();
        long lastSeq = -1;
        long bytes = 0;
        Iterator<Line> lines = unsent.iterator();
        for (int i = 0; i < limit && lines.hasNext(); i++) {
            Line line = lines.next();
            bytes += line.bytes();
            lastSeq = line.seq();
        }
        if (bytes > 0) {
            for (String line : readLines(offset, bytes)) {
                results.add(parse(line));
            }
        }
        return new Batch(results, dropped, lastSeq);
    }

    /** The server recorded the batch: its results are sent, and the gap it carried is told. */
    synchronized void acknowledge(Batch batch) {
        while (!unsent.isEmpty() && unsent.peekFirst().seq() <= batch.lastSeq()) {
            offset += unsent.removeFirst().bytes();
        }
        if (batch.dropped() != null && dropped != null) {
            int left = dropped.count() - batch.dropped().count();
            dropped = left <= 0 ? null : new Gap(left, batch.dropped().until(), dropped.until());
        }
        compactIfWorthIt();
        saveState();
    }

    synchronized int waiting() {
        return unsent.size();
    }

    synchronized Gap dropped() {
        return dropped;
    }

    private void dropOldest(int count) {
        Instant from = null;
        Instant until = null;
        for (int i = 0; i < count && !unsent.isEmpty(); i++) {
            Line line = unsent.removeFirst();
            offset += line.bytes();
            from = from == null ? line.startedAt() : from;
            until = line.startedAt();
        }
        dropped = dropped == null ? new Gap(count, from, until) : new Gap(dropped.count() + count, dropped.from(), until);
        log.warn("The agent's buffer is full ({} results wait for the server): dropped the {} oldest, from {} to {}; "
                + "{} dropped in all, which the server is told with the next batch", capacity, count, from, until,
                dropped.count());
        saveState();
    }

    private void load() throws IOException {
        if (Files.exists(dir.resolve(STATE))) {
            JsonNode state = JSON.readTree(dir.resolve(STATE).toFile());
            generation = state.path("generation").asLong(1);
            offset = state.path("offset").asLong(0);
            JsonNode gap = state.get("dropped");
            if (gap != null && gap.isObject()) {
                dropped = new Gap(gap.path("count").asInt(), Instant.parse(gap.path("from").asText()),
                        Instant.parse(gap.path("until").asText()));
            }
        } else {
            generation = 1;
        }
        removeOtherGenerations();
        Path current = file(generation);
        if (!Files.exists(current)) {
            Files.createFile(current);
            offset = 0;
        }
        cutPartialLastLine(current);
        readUnsent(current);
        if (!unsent.isEmpty()) {
            log.info("The agent's buffer holds {} results from before; they are sent when the server answers",
                    unsent.size());
        }
    }

    /** Counts the lines past the acknowledged point; one that cannot be read ends the file there. */
    private void readUnsent(Path current) throws IOException {
        long size = Files.size(current);
        offset = Math.min(offset, size);
        long at = offset;
        for (String line : readLines(offset, size - offset)) {
            Instant startedAt = startedAt(line);
            if (startedAt == null) {
                log.warn("The agent's buffer cannot be read past byte {}; the {} bytes from there are dropped", at,
                        size - at);
                try (FileChannel channel = FileChannel.open(current, StandardOpenOption.WRITE)) {
                    channel.truncate(at);
                }
                break;
            }
            int bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
            unsent.addLast(new Line(nextSeq++, bytes, startedAt));
            at += bytes;
        }
    }

    /** A crash in the middle of a write leaves half a line: it is cut, as it was never acknowledged to anyone. */
    private static void cutPartialLastLine(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                log.warn("The agent's buffer ended in half a result (a crash while writing); it is cut");
                channel.truncate(end);
            }
        }
    }

    private void removeOtherGenerations() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("results-\\d+\\.log")).toList()) {
                if (!file.equals(file(generation))) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Once the sent part is large, the unsent rest moves to a new file; the state file says which is in force. */
    private void compactIfWorthIt() {
        if (offset < COMPACT_AFTER_BYTES) {
            return;
        }
        try {
            Path old = file(generation);
            Path next = file(generation + 1);
            try (FileChannel from = FileChannel.open(old, StandardOpenOption.READ);
                    FileChannel to = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                long size = from.size();
                long copied = 0;
                while (copied < size - offset) {
                    copied += from.transferTo(offset + copied, size - offset - copied, to);
                }
                to.force(true);
            }
            generation++;
            offset = 0;
            saveState();
            Files.deleteIfExists(old);
        } catch (IOException e) {
            log.warn("The agent's buffer could not be compacted ({}); it grows until the next try", e.toString());
        }
    }

    private void saveState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("generation", generation);
        state.put("offset", offset);
        if (dropped != null) {
            state.put("dropped", Map.of("count", dropped.count(), "from", dropped.from().toString(),
                    "until", dropped.until().toString()));
        }
        try {
            Path temporary = dir.resolve(STATE + ".tmp");
            Files.writeString(temporary, write(state), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temporary, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the agent's buffer state cannot be saved: " + e.getMessage(), e);
        }
    }

    private List<String> readLines(long from, long length) {
        if (length <= 0) {
            return List.of();
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(length));
        try (FileChannel file = FileChannel.open(file(generation), StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && file.read(bytes, from + bytes.position()) > 0) {
                // keep reading
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the agent's buffer cannot be read: " + e.getMessage(), e);
        }
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static Instant startedAt(String line) {
        try {
            return Instant.parse(JSON.readTree(line).path("started_at").asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Path file(long gen) {
        return dir.resolve("results-" + gen + ".log");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a line of the agent's buffer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
