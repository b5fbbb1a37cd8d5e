package dev.vigil.probes;

import java.nio.charset.StandardCharsets;

/** Puts an extracted value into a URL. */
final class UrlText {
    private static final String NOT_IN_URLS = "\"<>\\^`{|}";

    private UrlText() {}

    /**
     * The value with the characters no URL may hold (spaces, quotes, braces, controls, anything beyond ASCII)
     * percent-encoded as UTF-8, and the rest as it is: an extracted path or query such as a Location header's keeps
     * its slashes, question mark and ampersands (RFC 3986, section 2).
     */
    static String escaped(String value) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || NOT_IN_URLS.indexOf(c) >= 0) {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                escaped.append((char) c);
            }
        }
        return escaped.toString();
    }
}
