package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incidents for the postmortem tests, opened and resolved through the real incident console. */
final class Incidents {
    private static final Pattern LOCATION = Pattern.compile("^/console/incidents/(\\d+)$");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Incidents() {}

    static long open(WebClient editor, String name) {
        HttpResponse<String> opened = editor.submit("/console/incidents/new", "/console/incidents",
                Map.of("name", name, "impact", "major", "status", "investigating", "body", "We are looking into it."));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        Matcher id = LOCATION.matcher(opened.headers().firstValue("Location").orElse(""));
        assertThat(id.matches()).isTrue();
        return Long.parseLong(id.group(1));
    }

    static void resolve(WebClient editor, long id) {
        HttpResponse<String> resolved = editor.submit("/console/incidents/" + id, "/console/incidents/" + id + "/updates",
                Map.of("status", "resolved", "body", "Service is back to normal."));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(303);
    }

    static String csrf(WebClient who, String page) {
        Matcher token = CSRF.matcher(who.get(page).body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        return token.group(1);
    }
}
