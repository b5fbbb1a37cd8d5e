package dev.vigil.incidents;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.IncidentStore.NewIncident;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Incidents written by people (today through the admin API): opening one with its first update
 * and affected components, and adding updates. Each change is one write transaction with its
 * audit entry. The caller refreshes the public page afterwards.
 */
public record StaffIncidents(Database database, IncidentStore incidents, ComponentStore components, AuditLog audit,
        Clock clock) {

    public static final String SOURCE = "staff";
    public static final int MAX_NAME = 200;
    public static final int MAX_BODY = 20_000;
    /** The statuses staff set by hand; "postmortem" belongs to the postmortem feature. */
    public static final List<IncidentStatus> STATUSES = List.of(
            IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);

    /** A new incident as entered; null impact and status mean none and investigating. */
    public record Draft(String name, String impact, String status, String body, List<String> componentIds) {}

    /** Opens an incident; actor is who did it, as the audit log names them ("user:3", "token:7"). */
    public Incident open(Draft draft, String actor) {
        Optional<Impact> impact = draft.impact() == null ? Optional.of(Impact.NONE) : impact(draft.impact());
        Optional<IncidentStatus> status = draft.status() == null
                ? Optional.of(IncidentStatus.INVESTIGATING) : status(draft.status());
        Set<String> componentIds = new LinkedHashSet<>(draft.componentIds() == null ? List.of() : draft.componentIds());
        Set<String> known = database.read(handle -> components.all(handle).stream().map(Component::id)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        List<String> unknown = componentIds.stream().filter(id -> !known.contains(id)).toList();
        new InvalidInput.Collector()
                .check(draft.name() != null && !draft.name().isBlank() && draft.name().strip().length() <= MAX_NAME,
                        "name", "Give the incident a name of 1 to " + MAX_NAME + " characters.")
                .check(impact.isPresent(), "impact", "Use one of none, minor, major, critical.")
                .check(status.isPresent(), "status", "Use one of " + statusNames() + ".")
                .check(bodyFits(draft.body()), "body", bodyRule(draft.body()))
                .check(unknown.isEmpty(), "component_ids", "No component has the id " + String.join(", ", unknown)
                        + ". Known components: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ".")
                .throwIfAny();
        Instant now = clock.instant();
        return database.write(handle -> {
            long id = incidents.create(handle, new NewIncident(draft.name().strip(), status.get(), impact.get(), now, now,
                    SOURCE, null));
            for (String componentId : componentIds) {
                incidents.addComponent(handle, id, componentId);
            }
            incidents.addUpdate(handle, id, status.get(), draft.body(), now, now, List.of());
            audit.record(handle, now, actor, "incident.created", "incident", Long.toString(id), draft.name().strip());
            return incidents.find(handle, id).orElseThrow();
        });
    }

    /** Adds an update; a null status keeps the incident's. Empty when there is no such incident. */
    public Optional<Incident> addUpdate(long incidentId, String statusName, String body, String actor) {
        Optional<IncidentStatus> status = statusName == null ? Optional.empty() : status(statusName);
        new InvalidInput.Collector()
                .check(statusName == null || status.isPresent(), "status", "Use one of " + statusNames() + ".")
                .check(bodyFits(body), "body", bodyRule(body))
                .throwIfAny();
        Instant now = clock.instant();
        return database.write(handle -> incidents.find(handle, incidentId).map(incident -> {
            IncidentStatus next = status.orElse(incident.status());
            incidents.addUpdate(handle, incidentId, next, body, now, now, List.of());
            audit.record(handle, now, actor, "incident.updated", "incident", Long.toString(incidentId),
                    incident.status().apiName() + " to " + next.apiName());
            return incidents.find(handle, incidentId).orElseThrow();
        }));
    }

    private static boolean bodyFits(String body) {
        return body != null && !body.isBlank() && body.codePointCount(0, body.length()) <= MAX_BODY;
    }

    private static String bodyRule(String body) {
        String rule = "Write what is happening, in 1 to " + String.format(Locale.ROOT, "%,d", MAX_BODY) + " characters";
        return body == null || body.isBlank() ? rule + "." : rule + " (this has "
                + String.format(Locale.ROOT, "%,d", body.codePointCount(0, body.length())) + ").";
    }

    private static Optional<Impact> impact(String name) {
        return List.of(Impact.values()).stream().filter(i -> i.apiName().equals(name)).findFirst();
    }

    private static Optional<IncidentStatus> status(String name) {
        return STATUSES.stream().filter(s -> s.apiName().equals(name)).findFirst();
    }

    private static String statusNames() {
        return STATUSES.stream().map(IncidentStatus::apiName).collect(Collectors.joining(", "));
    }
}
