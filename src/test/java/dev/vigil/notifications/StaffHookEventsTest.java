package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each staff hook hears only what Ada chose for it, and she can change that later. */
class StaffHookEventsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final FreshVigil<Void> vigil = FreshVigil.configured(WebhookDeliveryTest.YAML);
    final WebhookReceiver incidentsChannel = WebhookReceiver.start();
    final WebhookReceiver statusChannel = WebhookReceiver.start();
    Database database;
    WebClient ada;

    @BeforeEach
    void signInAda() {
        database = vigil.vigil().database();
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", "correct-horse-battery"));
    }

    @AfterEach
    void closeReceivers() {
        incidentsChannel.close();
        statusChannel.close();
    }

    @Test
    void aHookThatChoseComponentChangesDoesNotHearIncidentUpdatesUntilAdaAddsThem() {
        assertThat(addHook("#incidents", incidentsChannel, List.of("incident_update")).statusCode()).isEqualTo(303);
        assertThat(addHook("#status", statusChannel, List.of("component_update")).statusCode()).isEqualTo(303);
        assertThat(ada.get("/console/notifications").body())
                .containsPattern("<td[^>]*>Incident updates").containsPattern("<td[^>]*>Component status changes");

        long incident = History.openIncident(database, "Search is slow", "search", Instant.now());
        History.update(database, incident, IncidentStatus.INVESTIGATING, "Queries are slow.", Instant.now());

        RunningVigil.await(PATIENCE, "the post to #incidents", () -> incidentsChannel.posts().size() == 1);
        assertThat(deliveriesTo("#status")).isZero();

        HttpResponse<String> changed = ada.submit("/console/notifications",
                "/console/notifications/hooks/" + hookId("#status") + "/events",
                Map.of("event", "incident_update"));
        History.update(database, incident, IncidentStatus.IDENTIFIED, "An index was dropped.", Instant.now());

        assertThat(changed.statusCode()).isEqualTo(303);
        RunningVigil.await(PATIENCE, "the second update in both channels",
                () -> incidentsChannel.posts().size() == 2 && statusChannel.posts().size() == 1);
        assertThat(statusChannel.posts().get(0).body()).contains("An index was dropped.");
    }

    @Test
    void aHookMustHearSomethingAndTheFormSaysSo() {
        HttpResponse<String> none = addHook("#quiet", incidentsChannel, List.of());
        addHook("#ops", statusChannel, List.of("incident_update", "notice_published"));

        HttpResponse<String> cleared = ada.submit("/console/notifications",
                "/console/notifications/hooks/" + hookId("#ops") + "/events", Map.of());

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose at least one thing this hook should hear of.")
                .contains("value=\"#quiet\"");
        assertThat(cleared.statusCode()).isEqualTo(400);
        assertThat(cleared.body()).contains("Choose at least one thing this hook should hear of.");
        assertThat(ada.get("/console/notifications").body()).contains("Incident updates, Published incident reports");
        assertThat(History.count(database, "SELECT COUNT(*) FROM staff_hooks")).isEqualTo(1);
    }

    private HttpResponse<String> addHook(String name, WebhookReceiver receiver, List<String> events) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("kind", "slack"), Map.entry("name", name), Map.entry("url", receiver.url())));
        events.forEach(event -> fields.add(Map.entry("event", event)));
        return ada.submitFields("/console/notifications", "/console/notifications/hooks", fields);
    }

    private long hookId(String name) {
        return database.read(handle -> handle.createQuery("SELECT id FROM staff_hooks WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one());
    }

    private long deliveriesTo(String name) {
        return History.count(database, "SELECT COUNT(*) FROM deliveries WHERE hook_id = " + hookId(name));
    }
}
