package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedUrlTest {

    @Test
    void aUrlWithoutSecretsIsShownAsItIs() {
        assertThat(RedactedUrl.of(URI.create("https://api.example.com:8443/health?page=2#top")))
                .isEqualTo("https://api.example.com:8443/health?page=2#top");
    }

    @Test
    void thePasswordOfTheUserInfoIsMaskedAndTheUserNameShown() {
        assertThat(RedactedUrl.of(URI.create("https://monitor:s3cret@api.example.com/health")))
                .isEqualTo("https://monitor:****@api.example.com/health");
    }

    @Test
    void aUserNameAloneIsMaskedBecauseItIsOftenTheToken() {
        assertThat(RedactedUrl.of(URI.create("https://ghp_abc123@api.example.com/")))
                .isEqualTo("https://****@api.example.com/");
    }

    @Test
    void secretLookingQueryValuesAreMaskedWhateverTheirCase() {
        assertThat(RedactedUrl.of(URI.create(
                "https://api.example.com/h?Token=t1&page=2&API_KEY=k1&apikey=k2&X-Signature=s1&access_token=a1"
                        + "&Password=p1&auth=z&sig=q&secret=w")))
                .isEqualTo("https://api.example.com/h?Token=****&page=2&API_KEY=****&apikey=****&X-Signature=****"
                        + "&access_token=****&Password=****&auth=****&sig=****&secret=****");
    }

    @Test
    void aParameterWithoutAValueAndAnEmptyQueryStayAsTheyAre() {
        assertThat(RedactedUrl.of(URI.create("https://api.example.com/h?token&flag=")))
                .isEqualTo("https://api.example.com/h?token&flag=");
    }

    @Test
    void bothKindsOfSecretAreMaskedInOneUrl() {
        String shown = RedactedUrl.of(URI.create("http://u:pw@127.0.0.1:9000/x?key=abc"));
        assertThat(shown).isEqualTo("http://u:****@127.0.0.1:9000/x?key=****").doesNotContain("pw", "abc");
    }

    @Test
    void aFormSentBackMaskedKeepsTheStoredSecrets() {
        URI stored = URI.create("https://u:pw@api.example.com/x?token=abc&page=1");
        URI submitted = URI.create("https://u:****@api.example.com/y?token=****&page=3");
        assertThat(RedactedUrl.restore(submitted, stored))
                .contains(URI.create("https://u:pw@api.example.com/y?token=abc&page=3"));
    }

    @Test
    void aNewSecretTypedInReplacesTheStoredOne() {
        URI stored = URI.create("https://u:pw@api.example.com/x?token=abc");
        URI submitted = URI.create("https://u:new@api.example.com/x?token=def");
        assertThat(RedactedUrl.restore(submitted, stored)).contains(submitted);
    }

    @Test
    void aMaskSentToAnotherHostIsRefusedSoTheSecretDoesNotLeaveForIt() {
        URI stored = URI.create("https://u:pw@api.example.com/x?token=abc");
        assertThat(RedactedUrl.restore(URI.create("https://u:****@evil.example.net/x"), stored)).isEmpty();
        assertThat(RedactedUrl.restore(URI.create("http://api.example.com/x?token=****"), stored)).isEmpty();
    }

    @Test
    void aMaskNoStoredSecretFillsIsRefusedRatherThanSavedAsThePassword() {
        URI stored = URI.create("https://u:pw@api.example.com/x?token=abc");
        assertThat(RedactedUrl.restore(URI.create("https://other:****@api.example.com/x"), stored)).isEmpty();
        assertThat(RedactedUrl.restore(URI.create("https://u:pw@api.example.com/x?api_key=****"), stored)).isEmpty();
    }
}
