package dev.vigil.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.components.Component;
import dev.vigil.incidents.Evidence;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.NoticeStore.Publication;
import dev.vigil.statuspage.StatusApi;
import dev.vigil.statuspage.StatusData;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies posted to webhooks: the envelope of Statuspage's webhooks (meta, page, and incident
 * or component with component_update; https://developer.statuspage.io/) with the objects
 * of the public API, and the one-line text posted to Slack-compatible hooks.
 */
final class WebhookNotices {
    private final ObjectMapper json = new ObjectMapper();
    private final StatusApi api;
    private final Links links;
    private final TimeFormat times;
    private final String siteName;

    public WebhookNotices(StatusApi api, Links links, TimeFormat times, String siteName) {
        this.api = api;
        this.links = links;
        this.times = times;
        this.siteName = siteName;
    }

    /**
     * The incident as it stood at this update: later updates are left out, so that the newest
     * update in the body is always the one it announces.
     *
     * @param unsubscribeUrl null for staff hooks, which are removed in the console
     */
    public String incident(Incident incident, IncidentUpdate update, StatusData data, String idempotencyKey,
            String unsubscribeUrl, Instant now) {
        Map<String, Object> envelope = envelope(data, idempotencyKey, unsubscribeUrl, now);
        envelope.put("incident", api.incident(asOf(incident, update), data));
        return write(envelope);
    }

    /**
     * An incident update for a generic staff hook: the envelope subscribers get, plus what the
     * checks saw ({@link Evidence}) under "evidence". Subscribers never get that part.
     */
    public String staffIncident(Incident incident, IncidentUpdate update, StatusData data, String idempotencyKey,
            Instant now, List<Evidence> evidence) {
        Map<String, Object> envelope = envelope(data, idempotencyKey, null, now);
        envelope.put("incident", api.incident(asOf(incident, update), data));
        envelope.put("evidence", evidence.stream().map(this::evidence).toList());
        return write(envelope);
    }

    private Map<String, Object> evidence(Evidence e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("component_id", e.componentId());
        json.put("probe_id", e.probeId());
        json.put("first_failure_at", times.iso(e.firstFailureAt()));
        json.put("first_failure_reason", e.firstFailureReason());
        json.put("confirming_checks", e.confirmingChecks());
        json.put("confirmed_at", times.iso(e.confirmedAt()));
        json.put("ended_at", times.iso(e.endedAt()));
        json.put("end_reason", e.endReason());
        return json;
    }

    /**
     * A published notice: the incident as it stands, with the notice in Statuspage's postmortem
     * fields (postmortem_body, postmortem_published_at), and a notice object saying which
     * publication this is (revision 1 is the first; later ones are edits published again).
     */
    public String notice(Incident incident, Publication publication, StatusData data, String idempotencyKey,
            String unsubscribeUrl, Instant now) {
        Map<String, Object> envelope = envelope(data, idempotencyKey, unsubscribeUrl, now);
        Map<String, Object> body = api.incident(incident, data);
        body.put("postmortem_body", publication.body());
        body.put("postmortem_published_at", times.iso(publication.publishedAt()));
        envelope.put("incident", body);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", Long.toString(publication.id()));
        notice.put("incident_id", Long.toString(incident.id()));
        notice.put("revision", publication.revision());
        notice.put("updated", publication.isUpdate());
        notice.put("published_at", times.iso(publication.publishedAt()));
        envelope.put("notice", notice);
        return write(envelope);
    }

    /** The component and its change; empty when the component is no longer shown (it left the configuration). */
    public Optional<String> component(ComponentChange change, StatusData data, String idempotencyKey,
            String unsubscribeUrl, Instant now) {
        return api.component(change.componentId(), data).map(component -> {
            Map<String, Object> envelope = envelope(data, idempotencyKey, unsubscribeUrl, now);
            envelope.put("component", component);
            Map<String, Object> componentUpdate = new LinkedHashMap<>();
            componentUpdate.put("id", Long.toString(change.id()));
            componentUpdate.put("component_id", change.componentId());
            componentUpdate.put("created_at", times.iso(change.at()));
            componentUpdate.put("old_status", change.from().apiName());
            componentUpdate.put("new_status", change.to().apiName());
            envelope.put("component_update", componentUpdate);
            return write(envelope);
        });
    }

    /**
     * {"text": ...} for a Slack-compatible incoming webhook: the update as customers read it, then
     * what the checks saw, for the staff who read the channel.
     */
    public String slackIncident(Incident incident, IncidentUpdate update, List<Evidence> evidence,
            Map<String, String> componentNames) {
        StringBuilder text = new StringBuilder("*" + slack(incident.name()) + "* · " + update.status().label() + " · "
                + times.dateTime(update.displayAt()) + "\n" + slack(update.body().strip()));
        if (!evidence.isEmpty()) {
            text.append("\n_What our checks saw (staff only):_");
            for (Evidence e : evidence) {
                text.append("\n• ").append(slack(e.sentence(times,
                        componentNames.getOrDefault(e.componentId(), e.componentId()))));
            }
        }
        text.append("\n<").append(links.incident(incident.id())).append("|View the incident on ")
                .append(slack(siteName)).append('>');
        return write(Map.of("text", text.toString()));
    }

    public String slackNotice(Incident incident, Publication publication) {
        String text = "*" + slack(incident.name()) + "* · "
                + (publication.isUpdate() ? "Incident report updated" : "Incident report published") + " · "
                + times.dateTime(publication.publishedAt()) + "\n<" + links.incident(incident.id())
                + "|Read it on " + slack(siteName) + ">";
        return write(Map.of("text", text));
    }

    public String slackComponent(ComponentChange change, Map<String, String> componentNames) {
        String name = componentNames.getOrDefault(change.componentId(), change.componentId());
        String text = "*" + slack(name) + "* is now " + change.to().label() + " (was " + change.from().label() + "), "
                + times.dateTime(change.at()) + ": " + slack(change.reason());
        return write(Map.of("text", text));
    }

    private Map<String, Object> envelope(StatusData data, String idempotencyKey, String unsubscribeUrl, Instant now) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("unsubscribe", unsubscribeUrl);
        meta.put("documentation", links.subscribe());
        meta.put("generated_at", times.iso(now));
        meta.put("idempotency_key", idempotencyKey);
        StatusData.Overall overall = data.overall();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", api.pageId());
        page.put("status_indicator", overall.indicator());
        page.put("status_description", overall.description());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("meta", meta);
        envelope.put("page", page);
        return envelope;
    }

    private static Incident asOf(Incident incident, IncidentUpdate update) {
        return new Incident(incident.id(), incident.name(), incident.status(), incident.impact(), incident.startedAt(),
                incident.createdAt(), incident.updatedAt(), incident.monitoringAt(), incident.resolvedAt(),
                incident.source(), incident.updates().stream().filter(u -> u.id() <= update.id()).toList(),
                incident.componentIds(), incident.impactCorrected());
    }

    /** Slack reads &lt; &gt; &amp; as markup, so text from people must have them escaped. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Component names by id, for texts. */
    public static Map<String, String> names(StatusData data) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Component component : data.components()) {
            names.put(component.id(), component.name());
        }
        return names;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook body: " + e.getMessage(), e);
        }
    }
}
