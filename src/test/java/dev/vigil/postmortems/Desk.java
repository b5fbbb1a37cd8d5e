package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the postmortem tests do through the real pages: open and resolve incidents, write postmortems. */
final class Desk {
    /** The API, checked every second at the URL of a FreshVigil's target (the %s). */
    static final String PROBED_API = """
            components:
              - id: api
                name: API
            probes:
              - id: api-health
                component: api
                url: %s
                interval: 1s
                timeout: 1s
                failures_to_open: 2
                successes_to_close: 2
            """;
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    final RunningVigil vigil;
    final Staff staff;

    Desk(RunningVigil vigil) {
        this.vigil = vigil;
        this.staff = Staff.assemble(vigil);
    }

    /** Grace opens an incident by hand and returns its id. */
    long openIncident(String name, String impact, String body) {
        HttpResponse<String> opened = staff.grace().submit("/console/incidents/new", "/console/incidents",
                Map.of("name", name, "impact", impact, "status", "investigating", "body", body, "component.api",
                        "major_outage"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        return idIn(opened, "/console/incidents/");
    }

    void update(long incident, String status, String body) {
        HttpResponse<String> posted = staff.grace().submit("/console/incidents/" + incident,
                "/console/incidents/" + incident + "/updates", Map.of("status", status, "body", body,
                        "component.api", status.equals("resolved") ? "operational" : ""));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    /** Grace writes a postmortem of the given incidents from the "new" page; returns its id. */
    long write(String title, long... incidents) {
        HttpResponse<String> created = create(staff.grace(), title, incidents);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        return idIn(created, "/console/postmortems/");
    }

    /** Posts the "new postmortem" form as the given person, with the incidents checked. */
    HttpResponse<String> create(WebClient who, String title, long... incidents) {
        StringBuilder body = new StringBuilder();
        body.append("_csrf=").append(enc(csrfOf(who.get("/console/postmortems").body())))
                .append("&title=").append(enc(title));
        for (long incident : incidents) {
            body.append("&incident=").append(incident);
        }
        return who.postEncoded("/console/postmortems", body.toString());
    }

    /** Submits one of the write-up page's forms with the version the page carries. */
    HttpResponse<String> submit(WebClient who, long postmortem, String action, Map<String, String> fields) {
        String page = "/console/postmortems/" + postmortem;
        Map<String, String> withVersion = new LinkedHashMap<>(fields);
        withVersion.putIfAbsent("version", Long.toString(version(postmortem)));
        return who.submit(page, page + action, withVersion);
    }

    long version(long postmortem) {
        return vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT version FROM postmortems WHERE id = :id").bind("id", postmortem).mapTo(Long.class).one());
    }

    long count(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    List<String> texts(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    static String versionOn(String page) {
        Matcher matcher = VERSION.matcher(page);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String csrfOf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long idIn(HttpResponse<String> response, String prefix) {
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(prefix);
        return Long.parseLong(location.substring(prefix.length()).replaceAll("[#?].*$", ""));
    }
}
