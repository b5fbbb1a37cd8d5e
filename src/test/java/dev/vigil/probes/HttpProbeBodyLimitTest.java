package dev.vigil.probes;

import static dev.vigil.probes.ProbeUnderTest.probing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeBodyLimitTest {
    private static final long ONE_GIB = 1L << 30;
    private static final int CHUNK = 64 * 1024;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheLimitAndStillMatchesWhatItRead() throws Exception {
        CompletableFuture<Long> bytesSentBeforeHangUp = new CompletableFuture<>();
        server.on("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // 0: chunked, no length announced
            long sent = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[CHUNK];
                Arrays.fill(chunk, (byte) 'x');
                System.arraycopy("ok".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 2);
                while (sent < ONE_GIB) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException probeHungUp) {
                // Expected: the probe drops the connection once it has read enough.
            } finally {
                bytesSentBeforeHangUp.complete(sent);
            }
        });

        long before = System.nanoTime();
        CheckResult result = probing(server.url("/huge"))
                .timeout(Duration.ofSeconds(5))
                .maxBodyBytes(256 * 1024)
                .expectBodyContaining("ok")
                .check();
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        // Socket buffers hold a few megabytes at most; reading on would have pulled in far more.
        assertThat(bytesSentBeforeHangUp.get(3, TimeUnit.SECONDS)).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void searchesTheExpectedTextOnlyInTheBytesItRead() {
        server.respond("/late-ok", 200, "x".repeat(10_000) + "ok");

        CheckResult result = probing(server.url("/late-ok"))
                .maxBodyBytes(1_000)
                .expectBodyContaining("ok")
                .check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("body cut at 1000 bytes (max_body) and \"ok\" was not in what was read");
    }

    @Test
    void timesOutWhenTheBodyTricklesInTooSlowly() throws Exception {
        try (RawTarget target = new RawTarget(connection -> {
            RawTarget.readRequestHead(connection);
            trickle(connection);
        })) {
            long before = System.nanoTime();
            CheckResult result = probing(target.url("/")).timeout(Duration.ofMillis(500)).check();
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("timeout after 0.5 s");
            assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
            assertThat(result.statusCode()).as("headers did arrive").isEqualTo(200);
            assertThat(result.timeToFirstByte()).isNotNull().isLessThan(result.duration());
        }
    }

    private static void trickle(Socket connection) throws IOException, InterruptedException {
        OutputStream out = connection.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 1000; i++) {
            Thread.sleep(100);
            out.write('.');
            out.flush();
        }
    }
}
