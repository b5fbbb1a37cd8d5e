package dev.vigil.probes;

import static dev.vigil.probes.NetworkProbes.closedPort;
import static dev.vigil.probes.NetworkProbes.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import dev.vigil.config.TcpTarget;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.StallingTarget;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TcpProbeTest {

    @Test
    void aPortThatAcceptsTheConnectionIsUp() throws Exception {
        try (RawTarget server = new RawTarget(connection -> connection.getInputStream().read())) {
            CheckResult result = tcp(server.port(), null, null);

            assertThat(result.outcome()).isEqualTo(Outcome.UP);
            assertThat(result.reason()).isEqualTo("OK");
        }
    }

    @Test
    void aPortNobodyListensOnIsRefused() {
        CheckResult result = tcp(closedPort(), null, null);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @Test
    void theTextSentIsAnsweredWithTheExpectedText() throws Exception {
        List<String> heard = new ArrayList<>();
        try (RawTarget server = new RawTarget(connection -> {
            String line = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            heard.add(line);
            reply(connection, "PING".equals(line) ? "+PONG\r\n" : "-ERR\r\n");
            connection.getInputStream().read();
        })) {
            CheckResult result = tcp(server.port(), "PING\r\n", "PONG");

            assertThat(result.outcome()).isEqualTo(Outcome.UP);
            assertThat(heard).containsExactly("PING");
        }
    }

    @Test
    void anAnswerWithoutTheExpectedTextSaysWhatCame() throws Exception {
        try (RawTarget server = new RawTarget(connection -> {
            reply(connection, "220 other\r\n");
            connection.getInputStream().read();
        })) {
            CheckResult result = tcp(server.port(), null, "SMTP", Duration.ofMillis(800));

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("received \"220 other\", expected \"SMTP\"");
        }
    }

    @Test
    void aServerThatClosesBeforeTheExpectedTextFailsAtOnce() throws Exception {
        try (RawTarget server = new RawTarget(connection -> {
            reply(connection, "220 other\r\n");
            connection.close();
        })) {
            CheckResult result = tcp(server.port(), null, "SMTP", Duration.ofSeconds(10));

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason())
                    .isEqualTo("received \"220 other\", expected \"SMTP\" (the server closed the connection)");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aHangingServerFailsWithinItsTimeout() throws Exception {
        try (RawTarget server = new RawTarget(connection -> connection.getInputStream().read())) {
            CheckResult result = tcp(server.port(), "HELLO\r\n", "WELCOME", Duration.ofSeconds(1));

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("no answer within 1 s");
            assertThat(result.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
        }
    }

    @Test
    void aResetConnectionIsReportedAsSuch() throws Exception {
        try (RawTarget server = new RawTarget(connection -> {
            connection.getInputStream().read();
            // Linger 0 makes close send a RST instead of a FIN.
            connection.setSoLinger(true, 0);
            connection.close();
        })) {
            CheckResult result = tcp(server.port(), "HELLO\r\n", "WELCOME");

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("connection reset by the server");
        }
    }

    @Test
    void theReceivedTextIsReadOnlyUpToItsLimit() throws Exception {
        try (RawTarget server = new RawTarget(connection -> {
            OutputStream out = connection.getOutputStream();
            byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < 1024; sent++) {
                out.write(chunk);
            }
            out.flush();
        })) {
            CheckResult result = tcp(server.port(), null, "never there", Duration.ofSeconds(10));

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).startsWith("received \"xxxx").endsWith("\", expected \"never there\"");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void manyChecksWaitingOnAHangingServerHoldNoThreadEach() throws Exception {
        try (StallingTarget server = StallingTarget.neverAnswers(); HttpClients clients = new HttpClients()) {
            int port = URI.create(server.url()).getPort();
            TcpProbe probe = new TcpProbe(NetworkProbes.config(
                    new TcpTarget("127.0.0.1", port, NetworkProbes.CONNECT_TIMEOUT, null, "never"), Duration.ofSeconds(3)),
                    Clock.systemUTC(), clients);
            int before = Thread.activeCount();
            List<CompletableFuture<CheckResult>> checks = new ArrayList<>();
            for (int check = 0; check < 200; check++) {
                checks.add(probe.start(Instant.now()));
            }
            RunningVigil.await(Duration.ofSeconds(10), "200 connections", () -> server.accepted() >= 200);
            int during = Thread.activeCount();
            checks.forEach(CompletableFuture::join);

            // The channel group and the timeouts run on a few shared threads, whatever the number of checks.
            assertThat(during - before).isLessThanOrEqualTo(HttpClients.SOCKET_THREADS + 5);
            assertThat(checks).allSatisfy(check -> assertThat(check.join().reason()).isEqualTo("no answer within 3 s"));
        }
    }

    private static void reply(Socket connection, String text) throws Exception {
        connection.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        connection.getOutputStream().flush();
    }
}
