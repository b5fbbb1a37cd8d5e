package dev.vigil.probes;

import static dev.vigil.probes.ProbeUnderTest.probing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpProbeFailureTest {

    @Test
    void reportsConnectionRefusedWhenNothingListens() throws Exception {
        int freedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freedPort = socket.getLocalPort();
        }

        CheckResult result = probing("http://127.0.0.1:" + freedPort + "/").check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("connection refused");
        assertThat(result.statusCode()).isNull();
        assertThat(result.timeToFirstByte()).isNull();
    }

    @Test
    void timesOutAndHangsUpWhenTheTargetNeverAnswers() throws Exception {
        CompletableFuture<Long> hungUpAt = new CompletableFuture<>();
        try (RawTarget target = new RawTarget(connection -> {
            RawTarget.readRequestHead(connection);
            try {
                connection.getInputStream().read();
            } finally {
                hungUpAt.complete(System.nanoTime());
            }
        })) {
            long before = System.nanoTime();
            CheckResult result = probing(target.url("/")).timeout(Duration.ofSeconds(1)).check();
            long returnedAt = System.nanoTime();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("timeout after 1 s");
            assertThat(Duration.ofNanos(returnedAt - before)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(2));
            assertThat(result.statusCode()).isNull();
            long hangUp = hungUpAt.get(2, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(hangUp - returnedAt)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void reportsConnectionResetWhenTheTargetAbortsTheConnection() throws Exception {
        try (RawTarget target = new RawTarget(connection -> {
            RawTarget.readRequestHead(connection);
            // Linger 0 makes close() send a reset instead of an orderly end of stream.
            connection.setSoLinger(true, 0);
            connection.close();
        })) {
            CheckResult result = probing(target.url("/")).check();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("connection reset");
        }
    }

    @Test
    void reportsInvalidHttpResponseWhenTheTargetAnswersGarbage() throws Exception {
        try (RawTarget target = new RawTarget(connection -> {
            RawTarget.readRequestHead(connection);
            OutputStream out = connection.getOutputStream();
            out.write("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0013\u0007garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            connection.getInputStream().read();
        })) {
            CheckResult result = probing(target.url("/")).check();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("invalid HTTP response");
        }
    }

    @Test
    void reportsConnectionClosedWhenTheTargetHangsUpWithoutAnswering() throws Exception {
        try (RawTarget target = new RawTarget(connection -> {
            RawTarget.readRequestHead(connection);
            connection.close();
        })) {
            CheckResult result = probing(target.url("/")).check();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("connection closed without a complete response");
        }
    }

    @Test
    void reportsDnsFailureForANameThatCannotExist() {
        CheckResult result = probing("http://nosuch.invalid/health").check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("DNS lookup failed for nosuch.invalid");
    }

    @Test
    void reportsAnUnsupportedUrlInsteadOfThrowing() {
        CheckResult result = probing("ftp://127.0.0.1/file").check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).startsWith("cannot request ftp://127.0.0.1/file");
    }
}
