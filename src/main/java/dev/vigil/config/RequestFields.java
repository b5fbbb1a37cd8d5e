package dev.vigil.config;

import java.util.Map;

/**
 * Writes a request's settings and expectations as flat fields in the file's notation ("method", "headers.Accept",
 * "expect.json[0]"), for the console and the reload preview. Settings at their default are left out, so that a
 * plain probe shows (and a console form posts back) just the keys it always had.
 */
final class RequestFields {
    private RequestFields() {}

    /** @param masked true for staff: credentials and secret-looking headers and body fields as {@link RedactedUrl#MASK} */
    static void put(Map<String, String> fields, String prefix, RequestSettings request, boolean masked) {
        if (!request.method().equals("GET")) {
            fields.put(prefix + "method", request.method());
        }
        request.headers().forEach((name, value) -> fields.put(prefix + "headers." + name,
                masked && SecretMask.isSecretHeader(name) ? RedactedUrl.MASK : value));
        if (request.body() != null) {
            fields.put(prefix + "body", masked ? SecretMask.body(request.body()) : request.body());
        }
        HttpAuth auth = request.auth();
        if (auth != null && auth.scheme() == HttpAuth.Scheme.BASIC) {
            fields.put(prefix + "auth.basic.user", auth.user());
            fields.put(prefix + "auth.basic.password", masked ? RedactedUrl.MASK : auth.secret());
        } else if (auth != null) {
            fields.put(prefix + "auth.bearer", masked ? RedactedUrl.MASK : auth.secret());
        }
        if (!request.followRedirects()) {
            fields.put(prefix + "follow_redirects", "false");
        }
    }

    static void put(Map<String, String> fields, String prefix, HttpTarget.Expectation expect) {
        fields.put(prefix + "expect.status", expect.status().toString());
        fields.put(prefix + "expect.body_contains", expect.bodyContains() == null ? "" : expect.bodyContains());
        fields.put(prefix + "expect.max_latency",
                expect.maxLatency() == null ? "" : Durations.format(expect.maxLatency()));
        if (expect.bodyMatches() != null) {
            fields.put(prefix + "expect.body_matches", expect.bodyMatches().source());
        }
        for (int index = 0; index < expect.json().size(); index++) {
            fields.put(prefix + "expect.json[" + index + "]", expect.json().get(index).toString());
        }
        expect.headers().forEach((name, pattern) -> fields.put(prefix + "expect.headers." + name, pattern.source()));
    }
}
