package dev.vigil.probes;

import static dev.vigil.probes.ProbeUnderTest.probing;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProbeTlsTest {

    @Test
    void reportsATlsErrorForACertificateNobodyTrusts(@TempDir Path directory) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.serverContext(directory)));
        server.createContext("/", exchange -> LocalHttpServer.send(exchange, 200, "ok"));
        server.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");

            CheckResult result = probing(url).check();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).isEqualTo("TLS error: certificate not trusted (PKIX path building failed)");
            assertThat(result.statusCode()).isNull();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void reportsATlsErrorWhenTheTargetAnswersInPlainHttp() throws Exception {
        try (RawTarget plainServer = new RawTarget(connection -> {
            connection.getInputStream().read(new byte[512]);
            connection.getOutputStream().write(
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            connection.getInputStream().read();
        })) {
            URI url = URI.create(plainServer.url("/").toString().replace("http:", "https:"));

            CheckResult result = probing(url).check();

            assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(result.reason()).startsWith("TLS error: ").doesNotContain("Exception");
        }
    }
}
