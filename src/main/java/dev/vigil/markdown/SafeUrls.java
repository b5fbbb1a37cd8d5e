package dev.vigil.markdown;

import java.util.Locale;
import java.util.Set;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Keeps links and images whose URL is relative or uses http, https or mailto; anything else
 * (javascript:, vbscript:, data:, file: ...) becomes an empty URL. Stricter than commonmark's
 * default, which lets data: images through.
 */
final class SafeUrls implements UrlSanitizer {
    private static final Set<String> ALLOWED = Set.of("http", "https", "mailto");

    @Override
    public String sanitizeLinkUrl(String url) {
        return isSafe(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return isSafe(url) ? url : "";
    }

    private static boolean isSafe(String url) {
        // Browsers ignore control characters and spaces inside a scheme, so strip them before looking.
        String cleaned = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        int colon = cleaned.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int firstBoundary = firstOf(cleaned, '/', '?', '#');
        if (firstBoundary >= 0 && firstBoundary < colon) {
            return true; // a relative URL with a colon later on, such as /a:b
        }
        return ALLOWED.contains(cleaned.substring(0, colon));
    }

    private static int firstOf(String text, char... characters) {
        int first = -1;
        for (char c : characters) {
            int index = text.indexOf(c);
            if (index >= 0 && (first < 0 || index < first)) {
                first = index;
            }
        }
        return first;
    }
}
