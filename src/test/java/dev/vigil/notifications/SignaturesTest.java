package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    /** The HMAC-SHA256 example of RFC 4231, test case 2, in the header's format. */
    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyUnderTheSecret() {
        String signature = Signatures.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
