package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.LocalDnsServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dns probe asking a real DNS server on loopback. */
class DnsProbeTest {
    LocalDnsServer server;

    @BeforeEach
    void startTheServer() {
        server = LocalDnsServer.start()
                .with("example.test. 300 IN A 10.0.0.1")
                .with("example.test. 300 IN A 10.0.0.2")
                .with("example.test. 300 IN AAAA 2001:db8::1")
                .with("example.test. 300 IN MX 10 mail.example.test.")
                .with("example.test. 300 IN MX 20 backup.example.test.")
                .with("example.test. 300 IN TXT \"v=spf1 -all\"")
                .with("example.test. 300 IN NS ns1.example.test.")
                .with("www.example.test. 300 IN CNAME example.test.")
                .failing("broken.test")
                .silentAbout("slow.test");
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    @Test
    void anARecordWithTheExpectedAddressesIsUp() {
        CheckResult result = check("example.test.", "A", List.of("10.0.0.1", "10.0.0.2"));

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.reason()).isEqualTo("OK");
    }

    @Test
    void aMissingAnswerSaysWhatCameInstead() {
        CheckResult result = check("example.test.", "A", List.of("10.0.0.9"));

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("answer lacked 10.0.0.9 (got 10.0.0.1, 10.0.0.2)");
    }

    @Test
    void anyAnswerWillDoWhenNoneIsExpected() {
        assertThat(check("example.test.", "A", List.of()).outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void anAaaaAnswerMatchesInAnyNotationOfTheAddress() {
        assertThat(check("example.test.", "AAAA", List.of("2001:db8:0:0:0:0:0:1")).outcome()).isEqualTo(Outcome.UP);
        assertThat(check("example.test.", "AAAA", List.of("2001:db8::2")).reason())
                .startsWith("answer lacked 2001:db8::2 (got 2001:db8:");
    }

    @Test
    void aCnameIsComparedAsAName() {
        assertThat(check("www.example.test.", "CNAME", List.of("example.test.")).outcome()).isEqualTo(Outcome.UP);
        assertThat(check("www.example.test.", "CNAME", List.of("other.test.")).reason())
                .isEqualTo("answer lacked other.test. (got example.test.)");
    }

    @Test
    void anMxAnswerMayBeGivenWithOrWithoutItsPriority() {
        assertThat(check("example.test.", "MX", List.of("mail.example.test.")).outcome()).isEqualTo(Outcome.UP);
        assertThat(check("example.test.", "MX", List.of("10 mail.example.test.")).outcome()).isEqualTo(Outcome.UP);
        assertThat(check("example.test.", "MX", List.of("20 mail.example.test.")).reason())
                .isEqualTo("answer lacked 20 mail.example.test. (got 10 mail.example.test., 20 backup.example.test.)");
    }

    @Test
    void aTxtAnswerIsItsText() {
        assertThat(check("example.test.", "TXT", List.of("v=spf1 -all")).outcome()).isEqualTo(Outcome.UP);
        assertThat(check("example.test.", "TXT", List.of("google-site-verification=x")).outcome())
                .isEqualTo(Outcome.DOWN);
    }

    @Test
    void anNsAnswerIsComparedAsAName() {
        assertThat(check("example.test.", "NS", List.of("ns1.example.test.")).outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void aNameWithoutRecordsOfTheTypeIsDown() {
        CheckResult result = check("www.example.test.", "MX", List.of());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("no MX record for www.example.test");
    }

    @Test
    void anUnknownNameIsNxdomain() {
        CheckResult result = check("nothing.test.", "A", List.of());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("NXDOMAIN: no such name");
    }

    @Test
    void aServerFailureIsServfail() {
        CheckResult result = check("broken.test.", "A", List.of());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("SERVFAIL");
    }

    @Test
    void aResolverThatNeverAnswersFailsWithinTheTimeout() {
        CheckResult result = check("slow.test.", "A", List.of());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("resolver 127.0.0.1:" + server.port() + " did not answer within 2 s");
        assertThat(result.duration()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
    }

    @Test
    void aResolverPortNobodyListensOnIsDown() {
        int closed = NetworkProbes.closedPort();
        CheckResult result = new DnsProbe(NetworkProbes.dns("example.test.", "A", closed, List.of()),
                Clock.systemUTC()).check(Instant.now());

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("resolver 127.0.0.1:" + closed + " is not listening (port unreachable)");
    }

    @Test
    void theProbeAsksItsResolverEachTime() {
        DnsProbe probe = new DnsProbe(NetworkProbes.dns("example.test.", "A", server.port(), List.of()),
                Clock.systemUTC());

        probe.check(Instant.now());
        probe.check(Instant.now());

        assertThat(server.questions()).isEqualTo(2);
    }

    private CheckResult check(String name, String record, List<String> answers) {
        return new DnsProbe(NetworkProbes.dns(name, record, server.port(), answers), Clock.systemUTC())
                .check(Instant.now());
    }
}
