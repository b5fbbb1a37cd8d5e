package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.PasswordHasher;
import dev.vigil.accounts.UserStore;
import dev.vigil.console.Role;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of the incident console tests, each signed in with their own browser: Ada (admin,
 * created through first-run setup), Grace (editor) and Victor (viewer).
 */
final class Staff {
    static final String PASSWORD = "correct-horse-battery";
    private static final Pattern INCIDENT_LOCATION = Pattern.compile("^/console/incidents/(\\d+)$");

    WebClient ada;
    WebClient grace;
    WebClient victor;
    private RunningVigil vigil;

    /**
     * Sets up Ada through /setup, adds Grace and Victor to the store, and signs all three in; made
     * before the test's Vigil starts, e.g. {@code FreshVigil.withStaff(COMPONENTS, staff::signIn)}.
     */
    Staff signIn(RunningVigil running) {
        this.vigil = running;
        ada = new WebClient(running.url(""));
        grace = new WebClient(running.url(""));
        victor = new WebClient(running.url(""));
        var setup = ada.submit("/setup", "/setup",
                Map.of("name", "Ada Lovelace", "email", "ada@example.com", "password", PASSWORD));
        assertThat(setup.statusCode()).isEqualTo(303);
        String hash = new PasswordHasher().hash(PASSWORD);
        running.vigil().database().write(handle -> {
            UserStore users = new UserStore();
            users.create(handle, "grace@example.com", "Grace Hopper", Role.EDITOR, hash, Instant.now());
            users.create(handle, "victor@example.com", "Victor Viewer", Role.VIEWER, hash, Instant.now());
            return null;
        });
        signIn(grace, "grace@example.com");
        signIn(victor, "victor@example.com");
        return this;
    }

    private static void signIn(WebClient browser, String email) {
        var response = browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(response.statusCode()).as("sign-in of " + email).isEqualTo(303);
    }

    /** Grace opens an incident with the given fields (name, impact, status, body, component.ID ...). */
    long open(Map<String, String> fields) {
        var response = grace.submit("/console/incidents/new", "/console/incidents", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return idFrom(response);
    }

    /** Grace opens a plain incident affecting nothing. */
    long open(String name) {
        return open(Map.of("name", name, "impact", "minor", "status", "investigating", "body", "We are looking into it."));
    }

    /** Posts an update as the given person, from the incident's page. */
    HttpResponse<String> postUpdate(WebClient who, long id, String status, String body, Map<String, String> components) {
        Map<String, String> fields = new LinkedHashMap<>(components);
        fields.put("status", status);
        fields.put("body", body);
        return who.submit("/console/incidents/" + id, "/console/incidents/" + id + "/updates", fields);
    }

    HttpResponse<String> postUpdate(long id, String status, String body) {
        var response = postUpdate(grace, id, status, body, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response;
    }

    static long idFrom(HttpResponse<String> redirect) {
        Matcher matcher = INCIDENT_LOCATION.matcher(redirect.headers().firstValue("Location").orElse(""));
        assertThat(matcher.matches()).as("redirect to an incident: " + redirect.headers().firstValue("Location")).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Components most tests use. */
    static final String COMPONENTS = """
            components:
              - id: api
                name: API
              - id: web
                name: Web application
            """;

    RunningVigil vigil() {
        return vigil;
    }
}
