package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys of the tcp, tls and dns probes (issue 11): what they read to, and the rules they are held to. */
class NetworkProbeConfigTest {
    private static final String HEAD = "site: {name: Acme, url: \"http://localhost:7070\"}\n"
            + "components: [{id: web, name: Web}]\nprobes:\n";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            type: tcp, port: 25                             | probes[0].host: required
            type: tcp, host: db                             | probes[0].port: required
            type: tcp, host: db, port: 70000                | probes[0].port: "70000" must be a whole number from 1 to 65535
            type: tcp, host: db, port: 0                    | probes[0].port: "0" must be a whole number from 1 to 65535
            type: tcp, host: "db:5432", port: 5432          | probes[0].host: "db:5432" must be a host name or IP address without a port; give the port as port
            type: tcp, host: "tcp://db", port: 1            | probes[0].host: "tcp://db" must be a host name or IP address alone, without a scheme or path
            type: tcp, host: "d b", port: 1                 | probes[0].host: "d b" is not a host name or IP address
            type: tcp, host: db, port: 25, url: "http://x/" | probes[0].url: is not a setting of a tcp probe; its settings are host, port, connect_timeout, send, expect
            type: tcp, host: db, port: 25, expect: {status: 200} | probes[0].expect.status: unknown key; allowed: receive
            type: tcp, host: db, port: 25, timeout: 2s, connect_timeout: 3s | probes[0].connect_timeout: "3s" must not be longer than the timeout (2s)
            type: tls                                       | probes[0].host: required
            type: tls, host: api.test, expect: {cert_valid_days: 400} | probes[0].expect.cert_valid_days: "400" must be a whole number from 0 to 365
            type: tls, host: api.test, send: hi             | probes[0].send: is not a setting of a tls probe; its settings are host, port, connect_timeout, expect
            type: dns, record: A                            | probes[0].name: required
            type: dns, name: "exa mple.test"                | probes[0].name: "exa mple.test" is not a DNS name
            type: dns, name: example.test, record: SRV      | probes[0].record: "SRV" is not a record type the dns probe checks; use one of A, AAAA, CNAME, MX, TXT, NS
            type: dns, name: example.test, resolver: "dns.google:53" | probes[0].resolver: "dns.google:53" must be an IP address and port, such as 127.0.0.1:53 or [::1]:53
            type: dns, name: example.test, resolver: "1.1.1.1:99999" | probes[0].resolver: "1.1.1.1:99999" must be an IP address and port, such as 127.0.0.1:53 or [::1]:53
            type: dns, name: example.test, expect: {answers: [10.0.0.300]} | probes[0].expect.answers: "10.0.0.300" is not an IPv4 address
            type: dns, name: example.test, record: MX, expect: {answers: ["x y z"]} | probes[0].expect.answers: "x y z" is not a mail host, such as mail.example.com. or 10 mail.example.com.
            type: dns, name: example.test, host: ns1        | probes[0].host: is not a setting of a dns probe; its settings are name, record, resolver, expect
            type: icmp                                      | probes[0].type: "icmp" is not a probe type; use one of http, heartbeat, tcp, tls, dns
            """)
    void aWrongSettingIsReportedWithWhatIsAllowed(String keys, String expected) {
        assertThat(problemsOf(HEAD + "  - {id: p, component: web, " + keys + "}\n")).containsExactly(expected);
    }

    @Test
    void aTcpProbeSendsItsTextWithTheLineEndingsWrittenInAnyQuoting() {
        List<ProbeConfig> probes = parse("""
                  - {id: smtp, component: web, type: tcp, host: Mail.Example.Test, port: 25, send: "EHLO vigil\\r\\n", expect: {receive: SMTP}}
                  - {id: redis, component: web, type: tcp, host: 10.0.0.5, port: 6379, send: 'PING\\r\\n', expect: {receive: PONG}}
                """);

        TcpTarget smtp = (TcpTarget) probes.get(0).target();
        TcpTarget redis = (TcpTarget) probes.get(1).target();
        assertThat(smtp.send()).isEqualTo("EHLO vigil\r\n");
        assertThat(redis.send()).isEqualTo("PING\r\n");
        assertThat(smtp.expectReceive()).isEqualTo("SMTP");
        assertThat(smtp.host()).isEqualTo("mail.example.test:25");
        assertThat(smtp.shown()).isEqualTo("tcp mail.example.test:25");
        assertThat(smtp.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(redis.fields()).containsEntry("send", "PING\\r\\n").containsEntry("expect.receive", "PONG");
    }

    @Test
    void aTlsProbeDefaultsToPort443AndFourteenDays() {
        ProbeConfig probe = parse("  - {id: cert, component: web, type: tls, host: api.test}\n").get(0);

        TlsTarget tls = (TlsTarget) probe.target();
        assertThat(tls.port()).isEqualTo(443);
        assertThat(tls.certValidDays()).isEqualTo(14);
        assertThat(tls.host()).isEqualTo("api.test:443");
        assertThat(tls.shown()).isEqualTo("tls api.test:443");
        assertThat(tls.fields()).containsEntry("expect.cert_valid_days", "14");
    }

    @Test
    void aDnsProbeAsksItsResolverOrTheSystemsOnes() {
        List<ProbeConfig> probes = parse("""
                  - {id: dns, component: web, type: dns, name: Example.com, resolver: "127.0.0.1:5353", expect: {answers: [10.0.0.1]}}
                  - {id: mx, component: web, type: dns, name: example.com., record: mx, expect: {answers: [Mail.Example.com, "10 mx2.example.com"]}}
                  - {id: v6, component: web, type: dns, name: example.com, record: AAAA, resolver: "[::1]"}
                """);

        DnsTarget local = (DnsTarget) probes.get(0).target();
        DnsTarget system = (DnsTarget) probes.get(1).target();
        DnsTarget ipv6 = (DnsTarget) probes.get(2).target();
        assertThat(local.record()).isEqualTo("A");
        assertThat(local.name()).isEqualTo("example.com.");
        assertThat(local.host()).isEqualTo("127.0.0.1:5353");
        assertThat(local.shown()).isEqualTo("dns A example.com @127.0.0.1:5353");
        assertThat(system.host()).isEqualTo("dns:system");
        assertThat(system.shown()).isEqualTo("dns MX example.com");
        assertThat(system.answers()).containsExactly("mail.example.com.", "10 mx2.example.com.");
        assertThat(ipv6.host()).isEqualTo("[::1]:53");
    }

    private static List<ProbeConfig> parse(String probes) {
        return ConfigLoader.parse(HEAD + probes, Map.of()).probes();
    }
}
