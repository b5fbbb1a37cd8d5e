package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A contract that cannot be read stops start-up, saying why, instead of failing on the first request. */
class OpenApiDocumentTest {
    @Test
    void theShippedContractLoads() {
        assertThatCode(() -> new OpenApiDocument("http://status.test")).doesNotThrowAnyException();
    }

    @Test
    void aMissingContractIsAnError() {
        assertThatThrownBy(() -> new OpenApiDocument("/openapi-broken/absent.yaml", "http://status.test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void malformedYamlIsAnError() {
        assertThatThrownBy(() -> new OpenApiDocument("/openapi-broken/malformed.yaml", "http://status.test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorRatherThanTheFirstOneLost() {
        assertThatThrownBy(() -> new OpenApiDocument("/openapi-broken/duplicate-key.yaml", "http://status.test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void aDocumentThatIsNotAnOpenApiMappingIsAnError() {
        assertThatThrownBy(() -> new OpenApiDocument("/openapi-broken/not-a-mapping.yaml", "http://status.test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be a mapping");
    }

    @Test
    void serversInTheFileAreAnErrorSinceTheSiteUrlFillsThemIn() {
        assertThatThrownBy(() -> new OpenApiDocument("/openapi-broken/with-servers.yaml", "http://status.test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not name servers");
    }
}
