package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's results on disk (issue 11): kept in order, sent once, across restarts, within their bound. */
class ResultBufferTest {
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void resultsComeOutInTheOrderTheyWentInWithTheirOriginalTimes() {
        ResultBuffer buffer = ResultBuffer.open(dir, 1000);
        buffer.append(results(0, 3));
        buffer.append(results(3, 2));

        ResultBuffer.Batch batch = buffer.peek(10);

        assertThat(batch.results()).extracting(r -> r.get("started_at").asText())
                .containsExactly(at(0), at(1), at(2), at(3), at(4));
        assertThat(batch.results().get(2).get("outcome").asText()).isEqualTo("down");
        assertThat(batch.dropped()).isNull();
    }

    @Test
    void anAcknowledgedBatchIsNotSentAgainAndTheRestFollows() {
        ResultBuffer buffer = ResultBuffer.open(dir, 1000);
        buffer.append(results(0, 5));

        ResultBuffer.Batch first = buffer.peek(3);
        buffer.append(results(5, 1));
        buffer.acknowledge(first);

        assertThat(buffer.peek(10).results()).extracting(r -> r.get("started_at").asText())
                .containsExactly(at(3), at(4), at(5));
        assertThat(buffer.waiting()).isEqualTo(3);
    }

    @Test
    void whatWasNotAcknowledgedSurvivesARestartAndWhatWasStaysSent() {
        ResultBuffer before = ResultBuffer.open(dir, 1000);
        before.append(results(0, 4));
        before.acknowledge(before.peek(2));

        ResultBuffer after = ResultBuffer.open(dir, 1000);

        assertThat(after.waiting()).isEqualTo(2);
        assertThat(after.peek(10).results()).extracting(r -> r.get("started_at").asText())
                .containsExactly(at(2), at(3));
    }

    @Test
    void halfALineLeftByACrashIsCutAndTheWholeLinesStay() throws IOException {
        ResultBuffer before = ResultBuffer.open(dir, 1000);
        before.append(results(0, 2));
        Files.writeString(onlyLog(), "{\"probe\":\"web\",\"sched", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ResultBuffer after = ResultBuffer.open(dir, 1000);
        after.append(results(2, 1));

        assertThat(after.peek(10).results()).extracting(r -> r.get("started_at").asText())
                .containsExactly(at(0), at(1), at(2));
    }

    @Test
    void whenFullTheOldestAreDroppedAndTheGapIsToldUntilAcknowledged() {
        ResultBuffer buffer = ResultBuffer.open(dir, 100);
        buffer.append(results(0, 100));
        buffer.append(results(100, 1));

        ResultBuffer.Batch batch = buffer.peek(200);

        assertThat(buffer.waiting()).isEqualTo(100);
        assertThat(batch.results().get(0).get("started_at").asText()).isEqualTo(at(1));
        assertThat(batch.dropped()).isEqualTo(new ResultBuffer.Gap(1, T0, T0));
        buffer.acknowledge(batch);
        assertThat(buffer.dropped()).isNull();
        assertThat(ResultBuffer.open(dir, 100).dropped()).isNull();
    }

    @Test
    void theGapSurvivesARestartUntilItIsTold() {
        ResultBuffer buffer = ResultBuffer.open(dir, 100);
        buffer.append(results(0, 103));

        ResultBuffer after = ResultBuffer.open(dir, 100);

        assertThat(after.dropped()).isEqualTo(new ResultBuffer.Gap(3, T0, T0.plusSeconds(2)));
        assertThat(after.waiting()).isEqualTo(100);
    }

    @Test
    void theSentPartIsCutAwayOnceLargeAndTheRestIsKept() throws IOException {
        ResultBuffer buffer = ResultBuffer.open(dir, 100_000);
        buffer.append(results(0, 30_000)); // about 6 MiB: past the compaction threshold once acknowledged
        for (int i = 0; i < 149; i++) {
            buffer.acknowledge(buffer.peek(200));
        }

        assertThat(buffer.waiting()).isEqualTo(200);
        assertThat(Files.size(onlyLog())).isLessThan(1024 * 1024);
        ResultBuffer after = ResultBuffer.open(dir, 100_000);
        assertThat(after.peek(1).results().get(0).get("started_at").asText()).isEqualTo(at(29_800));
    }

    private Path onlyLog() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".log")).toList();
            assertThat(logs).hasSize(1);
            return logs.get(0);
        }
    }

    private static List<CheckResult> results(int from, int count) {
        List<CheckResult> results = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Instant at = T0.plusSeconds(i);
            Outcome outcome = i % 3 == 2 ? Outcome.DOWN : Outcome.UP;
            results.add(new CheckResult("web", at, at, Duration.ofMillis(12), Duration.ofMillis(5), outcome,
                    outcome == Outcome.UP ? "OK" : "status 503", outcome == Outcome.UP ? 200 : 503));
        }
        return results;
    }

    private static String at(int seconds) {
        return T0.plusSeconds(seconds).toString();
    }
}
