package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The wording of reasons for failures that loopback servers cannot stage. */
class HttpProbeReasonsTest {
    private static final URI URL = URI.create("https://status.example.com/health");

    private final FailureReasons reasons = new FailureReasons(Duration.ofMillis(2500), Duration.ofSeconds(1));

    @Test
    void namesAnExpiredCertificate() {
        Throwable failure = handshakeFailure(new CertificateExpiredException("NotAfter: Sat Jan 01 00:00:00 UTC 2000"));

        assertThat(reasons.describe(failure, URL)).isEqualTo("TLS error: certificate expired");
    }

    @Test
    void namesAHostnameMismatch() {
        Throwable failure = handshakeFailure(
                new CertificateException("No subject alternative DNS name matching status.example.com found."));

        assertThat(reasons.describe(failure, URL)).isEqualTo("TLS error: hostname mismatch");
    }

    @Test
    void leavesClassNamesOutOfWrappedMessages() {
        Throwable failure = new IOException(new IllegalStateException("selector closed"));

        assertThat(reasons.describe(failure, URL)).isEqualTo("request failed: selector closed");
    }

    @Test
    void saysConnectionRefusedWhenTheClientGivesNoMessage() {
        assertThat(reasons.describe(new ConnectException(), URL)).isEqualTo("connection refused");
    }

    @Test
    void keepsReasonsShort() {
        Throwable failure = new IOException("x".repeat(5_000));

        assertThat(reasons.describe(failure, URL)).hasSizeLessThanOrEqualTo(200).startsWith("request failed: xxx");
    }

    @Test
    void writesTimeoutsAsPreciselyAsTheyWereConfigured() {
        assertThat(reasons.timedOut()).isEqualTo("timeout after 2.5 s");
        assertThat(ReasonText.seconds(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(ReasonText.seconds(Duration.ofMillis(500))).isEqualTo("0.5 s");
    }

    @Test
    void roundsMeasuredDurationsUpSoThatSlowNeverLooksLikeTheLimit() {
        assertThat(ReasonText.measuredSeconds(Duration.ofMillis(2300))).isEqualTo("2.3 s");
        assertThat(ReasonText.measuredSeconds(Duration.ofNanos(2_000_000_001L))).isEqualTo("2.01 s");
        assertThat(ReasonText.measuredSeconds(Duration.ofMillis(12_340))).isEqualTo("12.4 s");
    }

    private static Throwable handshakeFailure(Throwable certificateProblem) {
        SSLHandshakeException handshake = new SSLHandshakeException(certificateProblem.toString());
        handshake.initCause(certificateProblem);
        return new IOException(handshake.toString(), handshake);
    }
}
