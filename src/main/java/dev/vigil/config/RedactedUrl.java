package dev.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A probe's URL as staff see it (console, reload preview, API, log): the password of its user info
 * and the values of query parameters that look secret are replaced by {@link #MASK}. The stored
 * configuration and the probe itself keep the real URL.
 */
public final class RedactedUrl {
    public static final String MASK = "****";

    /** Parameter names holding a secret, matched case-insensitively anywhere in the name ("X-Api-Key"). */
    private static final List<String> SECRET_NAMES = List.of("token", "key", "secret", "password", "pass", "sig",
            "auth");

    private RedactedUrl() {}

    /** "https://user:****@host/path?token=****&page=2". */
    public static String of(URI url) {
        StringBuilder shown = new StringBuilder();
        if (url.getScheme() != null) {
            shown.append(url.getScheme()).append(':');
        }
        if (url.getRawAuthority() == null) {
            return url.getRawSchemeSpecificPart() == null ? url.toString()
                    : shown.append(masked(url.getRawSchemeSpecificPart())).toString();
        }
        shown.append("//");
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            // A user name alone is often the token itself (https://ghp_...@host/), so it is masked whole.
            shown.append(maskOf(userInfo)).append('@');
        }
        String authority = url.getRawAuthority();
        shown.append(authority.substring(authority.lastIndexOf('@') + 1));
        shown.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            shown.append('?').append(maskedQuery(url.getRawQuery()));
        }
        if (url.getRawFragment() != null) {
            shown.append('#').append(url.getRawFragment());
        }
        return shown.toString();
    }

    /** Whether a query parameter of this name is shown masked. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.stream().anyMatch(lower::contains);
    }

    /**
     * The URL an edit form sent back, with each part still showing the mask given its stored value
     * again, so that saving a form shown masked keeps the secrets. Empty when the form kept a mask
     * but changed where the URL points (scheme, host or port): the stored secret would then be sent
     * to a new place, so it has to be typed again. Empty too when a mask is left that no stored
     * secret fills (a renamed user or parameter): "****" would otherwise be saved as the secret.
     */
    public static Optional<URI> restore(URI submitted, URI stored) {
        if (!submitted.toString().contains(MASK)) {
            return Optional.of(submitted);
        }
        if (!sameOrigin(submitted, stored)) {
            return Optional.empty();
        }
        String userInfo = submitted.getRawUserInfo();
        String storedInfo = stored.getRawUserInfo();
        if (userInfo != null && storedInfo != null && maskOf(storedInfo).equals(userInfo)) {
            userInfo = storedInfo;
        }
        String query = submitted.getRawQuery() == null ? null
                : restoredQuery(submitted.getRawQuery(), stored.getRawQuery());
        try {
            URI restored = new URI(rebuild(submitted, userInfo, query));
            return restored.toString().contains(MASK) ? Optional.empty() : Optional.of(restored);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String maskOf(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        return colon < 0 ? MASK : rawUserInfo.substring(0, colon + 1) + MASK;
    }

    private static String masked(String schemeSpecificPart) {
        int question = schemeSpecificPart.indexOf('?');
        return question < 0 ? schemeSpecificPart
                : schemeSpecificPart.substring(0, question + 1) + maskedQuery(schemeSpecificPart.substring(question + 1));
    }

    private static String maskedQuery(String rawQuery) {
        List<String> parts = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            boolean secret = equals > 0 && isSecretName(pair.substring(0, equals));
            parts.add(secret ? pair.substring(0, equals + 1) + MASK : pair);
        }
        return String.join("&", parts);
    }

    private static String restoredQuery(String rawQuery, String storedQuery) {
        Map<String, String> storedValues = new LinkedHashMap<>();
        if (storedQuery != null) {
            for (String pair : storedQuery.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    storedValues.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals > 0 ? pair.substring(0, equals) : null;
            boolean kept = name != null && pair.substring(equals + 1).equals(MASK) && storedValues.containsKey(name);
            parts.add(kept ? name + "=" + storedValues.get(name) : pair);
        }
        return String.join("&", parts);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && a.getPort() == b.getPort();
    }

    private static String rebuild(URI url, String rawUserInfo, String rawQuery) {
        String authority = url.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return url.getScheme() + "://" + (rawUserInfo == null ? "" : rawUserInfo + "@") + hostAndPort
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (rawQuery == null ? "" : "?" + rawQuery)
                + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment());
    }
}
