package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hosts a certificate's names cover, as RFC 6125 has a client decide. */
class CertificateNamesTest {

    @Test
    void aWildcardStandsForExactlyOneLeftmostLabel() throws Exception {
        CertificateNames names = namesOf("*.example.test");

        assertThat(names.covers("api.example.test")).isTrue();
        assertThat(names.covers("API.Example.Test.")).isTrue();
        assertThat(names.covers("example.test")).isFalse();
        assertThat(names.covers("a.b.example.test")).isFalse();
        assertThat(names.covers("api.example.testing")).isFalse();
    }

    @Test
    void aWildcardOverATopLevelDomainCoversNothing() throws Exception {
        assertThat(namesOf("*.test").covers("example.test")).isFalse();
    }

    @Test
    void manyNamesAreShownShort() throws Exception {
        assertThat(namesOf("a.test", "b.test", "c.test", "d.test").shown()).isEqualTo("a.test, b.test and 2 more");
        assertThat(namesOf("a.test", "b.test").shown()).isEqualTo("a.test, b.test");
    }

    private static CertificateNames namesOf(String... dnsNames) throws Exception {
        Instant now = Instant.now();
        return CertificateNames.of(TestCertificates.authority("Names CA")
                .issue(List.of(dnsNames), now, now.plus(Duration.ofDays(1))).certificate());
    }
}
