package dev.vigil.incidents.console;

import dev.vigil.components.ComponentStatus;
import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks what staff typed into the incident forms and turns it into typed values, or throws
 * {@link InvalidInput} naming every field to correct. Nothing here touches the store: the
 * caller passes the ids of the components that exist.
 */
record IncidentForms(ZoneId zone, Clock clock) {

    static final int MAX_NAME = 200;
    static final int MAX_BODY = 20_000;
    /** A notice carries a whole timeline and five sections, so it may be longer than one update. */
    static final int MAX_NOTICE = 50_000;
    /** Each component's choice is a field named component.ID; an empty value means "leave it". */
    static final String COMPONENT_PREFIX = "component.";

    record NewIncident(String name, Impact impact, Map<String, ComponentStatus> components, IncidentStatus status,
            String body) {}

    record Backfill(String name, Impact impact, Map<String, ComponentStatus> components, Instant startedAt,
            Instant resolvedAt, String body, String resolution) {}

    record Update(IncidentStatus status, String body, Map<String, ComponentStatus> components) {}

    record Template(String name, IncidentStatus status, String body) {}

    NewIncident newIncident(FormInput form, Set<String> componentIds) {
        Fields fields = new Fields();
        String name = fields.name(form.text("name"));
        Impact impact = fields.impact(form.text("impact"));
        IncidentStatus status = fields.status(form.text("status"), IncidentLifecycle.OPENING,
                "Choose investigating, identified or monitoring. To record an incident that is already over, "
                        + "use Record a past incident.");
        String body = fields.body("body", form.text("body"));
        Map<String, ComponentStatus> components = fields.components(form, componentIds);
        fields.problems.throwIfAny();
        return new NewIncident(name, impact, components, status, body);
    }

    Backfill backfill(FormInput form, Set<String> componentIds) {
        Fields fields = new Fields();
        String name = fields.name(form.text("name"));
        Impact impact = fields.impact(form.text("impact"));
        Map<String, ComponentStatus> components = fields.components(form, componentIds);
        Instant now = clock.instant();
        Instant started = fields.time("started_at", form.text("started_at"), zone);
        Instant resolved = fields.time("resolved_at", form.text("resolved_at"), zone);
        if (started != null) {
            fields.problems.check(!started.isAfter(now), "started_at", "The start is in the future. A past incident "
                    + "must have started already; for one happening now, open a new incident instead.");
        }
        if (resolved != null) {
            fields.problems.check(started == null || resolved.isAfter(started), "resolved_at",
                    "The end must be after the start.");
            fields.problems.check(!resolved.isAfter(now), "resolved_at", "The end is in the future.");
        }
        String body = fields.body("body", form.text("body"));
        String resolution = form.text("resolution").isBlank() ? "This incident has been resolved."
                : fields.body("resolution", form.text("resolution"));
        fields.problems.throwIfAny();
        return new Backfill(name, impact, components, started, resolved, body, resolution);
    }

    Update update(FormInput form, Set<String> componentIds) {
        Fields fields = new Fields();
        IncidentStatus status = fields.status(form.text("status"), IncidentLifecycle.POSTABLE,
                "Choose investigating, identified, monitoring or resolved.");
        String body = fields.body("body", form.text("body"));
        Map<String, ComponentStatus> components = fields.components(form, componentIds);
        fields.problems.throwIfAny();
        return new Update(status, body, components);
    }

    /** A new name for an incident. */
    static String name(String text) {
        Fields fields = new Fields();
        String name = fields.name(text);
        fields.problems.throwIfAny();
        return name;
    }

    /** An impact staff chose. */
    static Impact impact(String text) {
        Fields fields = new Fields();
        Impact impact = fields.impact(text);
        fields.problems.throwIfAny();
        return impact;
    }

    /** The Markdown text of an update or a template. */
    static String body(String field, String text) {
        Fields fields = new Fields();
        String body = fields.body(field, text, MAX_BODY);
        fields.problems.throwIfAny();
        return body;
    }

    /** The Markdown text of a notice. */
    static String notice(String field, String text) {
        Fields fields = new Fields();
        String body = fields.body(field, text, MAX_NOTICE);
        fields.problems.throwIfAny();
        return body;
    }

    /** A saved update template: a name for staff, a status staff may post, and the text. */
    static Template template(FormInput form) {
        Fields fields = new Fields();
        String name = fields.name(form.text("name"));
        IncidentStatus status = fields.status(form.text("status"), IncidentLifecycle.POSTABLE,
                "Choose investigating, identified, monitoring or resolved.");
        String body = fields.body("body", form.text("body"));
        fields.problems.throwIfAny();
        return new Template(name, status, body);
    }

    /** Line endings as browsers send them (CRLF) become plain newlines, so revisions compare cleanly. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** One form's worth of checks, collecting every problem before any is thrown. */
    private static final class Fields {
        final InvalidInput.Collector problems = new InvalidInput.Collector();

        String name(String text) {
            String name = text.strip();
            problems.check(!name.isEmpty() && name.length() <= MAX_NAME, "name",
                    "Enter a name of 1 to " + MAX_NAME + " characters.");
            return name;
        }

        String body(String field, String text) {
            return body(field, text, MAX_BODY);
        }

        String body(String field, String text, int max) {
            String body = normalise(text);
            problems.check(!body.isBlank() && body.length() <= max, field,
                    "Write 1 to " + String.format(Locale.ROOT, "%,d", max) + " characters.");
            return body.strip();
        }

        Impact impact(String text) {
            for (Impact impact : Impact.values()) {
                if (impact.apiName().equals(text)) {
                    return impact;
                }
            }
            problems.check(false, "impact", "Choose none, minor, major or critical.");
            return null;
        }

        IncidentStatus status(String text, List<IncidentStatus> allowed, String message) {
            for (IncidentStatus status : allowed) {
                if (status.apiName().equals(text)) {
                    return status;
                }
            }
            problems.check(false, "status", message);
            return null;
        }

        /** The components given a status, in the order sent; unknown ids and statuses are marked. */
        Map<String, ComponentStatus> components(FormInput form, Set<String> componentIds) {
            Map<String, ComponentStatus> chosen = new LinkedHashMap<>();
            for (Map.Entry<String, String> field : form.withPrefix(COMPONENT_PREFIX).entrySet()) {
                String id = field.getKey();
                if (!componentIds.contains(id)) {
                    problems.check(false, "components", "There is no component \"" + id + "\". Reload the page "
                            + "and choose again.");
                } else if (!field.getValue().isEmpty()) {
                    ComponentStatus status = componentStatus(field.getValue());
                    problems.check(status != null, COMPONENT_PREFIX + id, "Choose one of the statuses listed.");
                    if (status != null) {
                        chosen.put(id, status);
                    }
                }
            }
            return chosen;
        }

        /** A datetime-local value, read as a time in the given zone. */
        Instant time(String field, String text, ZoneId zone) {
            if (text.isBlank()) {
                problems.check(false, field, "Enter a date and time, such as 2026-03-14T09:30.");
                return null;
            }
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                problems.check(false, field, "\"" + text.strip() + "\" is not a date and time; use the form "
                        + "2026-03-14T09:30.");
                return null;
            }
        }
    }

    private static ComponentStatus componentStatus(String text) {
        for (ComponentStatus status : ComponentStatus.values()) {
            if (status.apiName().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
