package dev.vigil.probes;

import java.nio.charset.StandardCharsets;

/**
 * The part of a response body that was read.
 *
 * @param capped true when reading stopped at the size limit before the body ended
 */
record CappedBody(byte[] bytes, boolean capped) {

    /**
     * Decodes as UTF-8, which also finds any ASCII text in Latin-1 bodies; a character cut in half at the
     * limit becomes a replacement character.
     */
    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
