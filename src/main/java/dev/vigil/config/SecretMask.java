package dev.vigil.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets of a request's settings for staff (console, API, reload preview, log): credentials, the values
 * of headers that carry them, and the password-like fields of a form or JSON body. The probe itself sends the
 * real values.
 */
final class SecretMask {
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
    /** "password": "x" or "token": 12 in a JSON body; the name is checked by {@link RedactedUrl#isSecretName}. */
    private static final Pattern JSON_FIELD =
            Pattern.compile("(\"([^\"\\\\]{1,100})\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");

    private SecretMask() {}

    /** Authorization, Cookie, and any name that looks secret (X-Api-Key, X-Auth-Token). */
    static boolean isSecretHeader(String name) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || RedactedUrl.isSecretName(name);
    }

    /** "user=demo&password=****", or {"user": "demo", "password": "****"}. */
    static String body(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return jsonBody(body);
        }
        return formBody(body);
    }

    private static String jsonBody(String body) {
        Matcher field = JSON_FIELD.matcher(body);
        StringBuilder masked = new StringBuilder();
        while (field.find()) {
            String replacement = RedactedUrl.isSecretName(field.group(2))
                    ? field.group(1) + "\"" + RedactedUrl.MASK + "\"" : field.group();
            field.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        field.appendTail(masked);
        return masked.toString();
    }

    private static String formBody(String body) {
        List<String> parts = new ArrayList<>();
        for (String pair : body.split("&", -1)) {
            int equals = pair.indexOf('=');
            boolean secret = equals > 0 && RedactedUrl.isSecretName(pair.substring(0, equals));
            parts.add(secret ? pair.substring(0, equals + 1) + RedactedUrl.MASK : pair);
        }
        return String.join("&", parts);
    }
}
