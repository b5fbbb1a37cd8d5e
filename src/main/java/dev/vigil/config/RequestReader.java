package dev.vigil.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads how an HTTP probe or a step asks: method, headers, body, auth and follow_redirects. */
final class RequestReader {
    static final List<String> KEYS = List.of("method", "headers", "body", "auth", "follow_redirects");
    static final List<String> AUTH_KEYS = List.of("basic", "bearer");
    static final List<String> BASIC_KEYS = List.of("user", "password");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** A header name is a token (RFC 9110, section 5.6.2). */
    static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Java's HTTP client sets these itself and refuses them from callers. */
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final int MAX_BODY_CHARACTERS = 64 * 1024;

    private RequestReader() {}

    static RequestSettings read(Section request) {
        String body = request.optionalText("body");
        request.checkLength("body", body, MAX_BODY_CHARACTERS);
        String method = method(request, body);
        HttpAuth auth = auth(request);
        Map<String, String> headers = headers(request, auth != null);
        boolean followRedirects = request.flag("follow_redirects", true);
        return new RequestSettings(method, headers, body, auth, followRedirects);
    }

    private static String method(Section request, String body) {
        String method = request.optionalText("method");
        if (method == null) {
            return RequestSettings.defaultMethod(body);
        }
        String upper = method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            request.reject("method", "is not a method a probe sends; use one of " + String.join(", ", METHODS));
            return RequestSettings.defaultMethod(body);
        }
        return upper;
    }

    private static Map<String, String> headers(Section request, boolean hasAuth) {
        Map<String, String> headers = new LinkedHashMap<>();
        Section section = openMapping(request, "headers", "a mapping of header names to values");
        if (section == null) {
            return headers;
        }
        for (Map.Entry<?, ?> entry : section.values().entrySet()) {
            String name = String.valueOf(entry.getKey());
            String value = section.optionalText(name);
            if (!Values.isScalar(entry.getValue()) || !checkHeaderName(section, name)) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (CLIENT_HEADERS.contains(lower)) {
                section.complain(name, "is set by Vigil's HTTP client and cannot be given");
            } else if (hasAuth && lower.equals("authorization")) {
                section.complain(name, "is set by auth; give auth or an Authorization header, not both");
            } else if (headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                section.complain(name, "is given twice (header names ignore case)");
            } else if (value != null && value.chars().anyMatch(c -> c < ' ' && c != '\t')) {
                section.complain(name, "must be one line of text");
            } else {
                headers.put(name, value == null ? "" : value);
            }
        }
        return headers;
    }

    /** Reports a name that cannot be an HTTP header name; true when it can. */
    static boolean checkHeaderName(Section section, String name) {
        if (HEADER_NAME.matcher(name).matches()) {
            return true;
        }
        section.complain(name, "is not a header name: use letters, digits and - (as in X-Request-Id)");
        return false;
    }

    private static HttpAuth auth(Section request) {
        if (request.raw("auth") == null) {
            return null;
        }
        Section auth = request.mapping("auth", AUTH_KEYS).orElse(null);
        if (auth == null) {
            return null;
        }
        boolean basic = auth.raw("basic") != null;
        boolean bearer = auth.raw("bearer") != null;
        if (basic && bearer) {
            request.complain("auth", "give basic or bearer, not both");
            return null;
        }
        if (!basic && !bearer) {
            // An unknown key was reported already, with the allowed ones.
            if (AUTH_KEYS.containsAll(auth.values().keySet())) {
                request.complain("auth", "give basic: {user, password} or bearer: TOKEN");
            }
            return null;
        }
        if (bearer) {
            String token = auth.requiredText("bearer");
            return token == null ? null : HttpAuth.bearer(token);
        }
        return auth.mapping("basic", BASIC_KEYS).map(credentials -> {
            String user = credentials.requiredText("user");
            String password = credentials.requiredText("password");
            return user == null || password == null ? null : HttpAuth.basic(user, password);
        }).orElse(null);
    }

    /**
     * A mapping whose keys are the user's own (header names, extracted names), so no key is unknown; null when
     * absent or not a mapping (reported).
     */
    static Section openMapping(Section parent, String key, String what) {
        Object value = parent.raw(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            parent.reject(key, "must be " + what);
            return null;
        }
        return new Section(parent.pathOf(key), map, parent.problems());
    }
}
