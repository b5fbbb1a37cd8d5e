package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tls probe against real TLS servers on loopback, with certificates of a test authority that it trusts. */
class TlsProbeTest {
    private static TestCertificates authority;
    private static X509TrustManager trust;
    private final HttpClients clients = new HttpClients();

    @AfterEach
    void closeTheClients() {
        clients.close();
    }

    @BeforeAll
    static void makeTheAuthority() throws Exception {
        authority = TestCertificates.authority("Vigil Test CA");
        trust = authority.trust();
    }

    @Test
    void aValidCertificateIsUpAndSaysHowManyDaysItHasLeft() throws Exception {
        TestCertificates.Identity identity = authority.issue("localhost", Duration.ofDays(41).plusHours(2));

        CheckResult result = check(identity, "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.reason()).isEqualTo("certificate valid for 41 more days (until " + dayOf(identity) + ")");
        assertThat(CertificateReasons.daysLeft(result.reason())).hasValue(41);
    }

    @Test
    void aServerOfTls12IsCheckedAsWell() throws Exception {
        try (LocalTlsServer server = new LocalTlsServer(authority.issue("localhost", Duration.ofDays(30).plusHours(2)),
                "TLSv1.2")) {
            CheckResult result = probe("localhost", server.port(), 14).check(Instant.now());

            assertThat(result.outcome()).isEqualTo(Outcome.UP);
            assertThat(result.reason()).startsWith("certificate valid for 30 more days");
        }
    }

    @Test
    void fewerDaysLeftThanRequiredIsDegraded() throws Exception {
        TestCertificates.Identity identity = authority.issue("localhost", Duration.ofDays(5).plusHours(2));

        CheckResult result = check(identity, "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.reason())
                .isEqualTo("certificate valid for only 5 more days (until " + dayOf(identity) + "), fewer than 14");
        assertThat(CertificateReasons.daysLeft(result.reason())).hasValue(5);
    }

    @Test
    void theThresholdIsTheProbes() throws Exception {
        TestCertificates.Identity identity = authority.issue("localhost", Duration.ofDays(5).plusHours(2));

        assertThat(check(identity, "localhost", 5).outcome()).isEqualTo(Outcome.UP);
        assertThat(check(identity, "localhost", 6).outcome()).isEqualTo(Outcome.DEGRADED);
    }

    @Test
    void anExpiredCertificateIsDownWithTheDayItExpired() throws Exception {
        Instant now = Instant.now();
        Instant expired = now.minus(Duration.ofDays(3));
        TestCertificates.Identity identity = authority.issue(List.of("localhost"), now.minus(Duration.ofDays(90)), expired);

        CheckResult result = check(identity, "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("certificate expired on " + LocalDate.ofInstant(expired, ZoneOffset.UTC));
        assertThat(CertificateReasons.daysLeft(result.reason())).isEmpty();
    }

    @Test
    void aCertificateNotValidYetIsDown() throws Exception {
        Instant now = Instant.now();
        Instant from = now.plus(Duration.ofDays(2));
        TestCertificates.Identity identity = authority.issue(List.of("localhost"), from, now.plus(Duration.ofDays(90)));

        CheckResult result = check(identity, "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("certificate not valid until " + LocalDate.ofInstant(from, ZoneOffset.UTC));
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted() throws Exception {
        CheckResult result = check(TestCertificates.selfSigned("localhost"), "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("certificate not trusted: self-signed");
    }

    @Test
    void aCertificateOfAnUnknownAuthorityIsNotTrusted() throws Exception {
        TestCertificates stranger = TestCertificates.authority("Stranger CA");

        CheckResult result = check(stranger.issue("localhost", Duration.ofDays(90)), "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason())
                .isEqualTo("certificate not trusted: issued by Stranger CA, which is not a trusted authority");
    }

    @Test
    void anExpiredCertificateSaysExpiredEvenWhenNobodyTrustsIt() throws Exception {
        Instant now = Instant.now();
        TestCertificates stranger = TestCertificates.authority("Stranger CA");
        TestCertificates.Identity identity = stranger.issue(List.of("other.test"), now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(1)));

        CheckResult result = check(identity, "localhost", 14);

        assertThat(result.reason()).startsWith("certificate expired on ");
    }

    @Test
    void aCertificateForAnotherNameIsDown() throws Exception {
        CheckResult result = check(authority.issue("other.test", Duration.ofDays(90)), "localhost", 14);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("certificate is for other.test, not localhost");
    }

    @Test
    void anIpAddressIsCheckedAgainstTheCertificatesAddresses() throws Exception {
        TestCertificates.Identity identity = authority.issue(List.of("localhost", "127.0.0.1"), Instant.now().minus(
                Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));

        assertThat(check(identity, "127.0.0.1", 14).outcome()).isEqualTo(Outcome.UP);
        assertThat(check(authority.issue("localhost", Duration.ofDays(90)), "127.0.0.1", 14).reason())
                .isEqualTo("certificate is for localhost, not 127.0.0.1");
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsDown() throws Exception {
        try (RawTarget plain = new RawTarget(connection -> {
            connection.getInputStream().read(new byte[512]);
            connection.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            connection.getInputStream().read();
        })) {
            CheckResult result = probe("localhost", plain.port(), 14).check(Instant.now());

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).startsWith("TLS handshake failed").doesNotContain("Exception");
        }
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeFailsWithinTheTimeout() throws Exception {
        try (RawTarget silent = new RawTarget(connection -> connection.getInputStream().read())) {
            CheckResult result = probe("localhost", silent.port(), 14).check(Instant.now());

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("no TLS handshake within 2 s");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aClosedPortIsRefused() {
        CheckResult result = probe("localhost", NetworkProbes.closedPort(), 14).check(Instant.now());

        assertThat(result.reason()).isEqualTo("connection refused");
    }

    @Test
    void theJvmsOwnAuthoritiesDoNotTrustTheTestAuthority() throws Exception {
        try (LocalTlsServer server = new LocalTlsServer(authority.issue("localhost", Duration.ofDays(90)))) {
            CheckResult result = new TlsProbe(NetworkProbes.tls("localhost", server.port(), 14), Clock.systemUTC(),
                    clients).check(Instant.now());

            assertThat(result.reason()).isEqualTo(
                    "certificate not trusted: issued by Vigil Test CA, which is not a trusted authority");
        }
    }

    private CheckResult check(TestCertificates.Identity identity, String host, int days) throws Exception {
        try (LocalTlsServer server = new LocalTlsServer(identity)) {
            return probe(host, server.port(), days).check(Instant.now());
        }
    }

    private TlsProbe probe(String host, int port, int days) {
        assertThat(InetAddress.getLoopbackAddress().getHostAddress()).isEqualTo("127.0.0.1");
        return new TlsProbe(NetworkProbes.tls(host, port, days), Clock.systemUTC(), clients, trust);
    }

    private static LocalDate dayOf(TestCertificates.Identity identity) {
        return LocalDate.ofInstant(identity.certificate().getNotAfter().toInstant(), ZoneOffset.UTC);
    }
}
