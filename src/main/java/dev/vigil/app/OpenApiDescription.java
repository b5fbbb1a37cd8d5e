package dev.vigil.app;

import dev.vigil.accounts.ApiTokens;
import dev.vigil.actionitems.ItemForm;
import dev.vigil.actionitems.ItemKind;
import dev.vigil.actionitems.ItemSource;
import dev.vigil.actionitems.ItemStatus;
import dev.vigil.actionitems.Priority;
import dev.vigil.actionitems.StatusRules;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.StaffIncidents;
import dev.vigil.incidents.console.IncidentApi;
import dev.vigil.maintenance.MaintenanceApi;
import dev.vigil.maintenance.MaintenanceForm;
import dev.vigil.maintenance.MaintenanceStatus;
import dev.vigil.maintenance.Recurrence;
import dev.vigil.notifications.SubscriberApi;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/openapi.json: an OpenAPI 3.1 description of exactly the admin API's endpoints,
 * written by hand so that it says what the code does and nothing more. Built once, never changed.
 */
public final class OpenApiDescription {
    private static final String JSON = "application/json";
    private final Map<String, Object> description;

    public OpenApiDescription(String siteUrl) {
        this.description = map(
                "openapi", "3.1.0",
                "info", map("title", "Vigil admin API", "version", "1",
                        "description", "Read components, incidents, maintenance windows and probes; run incidents, "
                                + "maintenance and postmortems from scripts; manage subscribers. Every request "
                                + "needs an API token (" + ApiTokens.PREFIX + "...) in the header Authorization: Bearer; "
                                + "admins create tokens in the console. Reading needs the viewer role, writing the editor role; subscribers, components and probes the admin role."),
                "servers", List.of(map("url", siteUrl)),
                "security", List.of(map("bearer", List.of())),
                "paths", OpenApiPostmortems.addPaths(paths()),
                "components", map(
                        "securitySchemes", map("bearer", map("type", "http", "scheme", "bearer",
                                "description", "An API token from the console's API tokens page.")),
                        "schemas", OpenApiPostmortems.addSchemas(schemas()),
                        "responses", responses()));
    }

    public void serve(Context ctx) {
        JsonResponse.send(ctx, 200, description);
    }

    private static Map<String, Object> paths() {
        return map(
                "/api/v1/components", map("get", operation("listComponents", "The components, in page order.",
                        null, 200, object(map("components", arrayOf(ref("Component")))), "401"),
                        "post", operation("createComponent", "Adds a component (admin role); it is stored in the "
                                        + "database with source console. Checked with vigil.yml's rules.",
                                ref("NewComponent"), 201, ref("Component"), "400", "401", "403", "415")),
                "/api/v1/components/{id}", map(
                        "parameters", List.of(idParameter("The component's id, as in the configuration.")),
                        "get", operation("getComponent", "One component.", null, 200, ref("Component"), "401", "404"),
                        "patch", operation("updateComponent", "Changes the fields given (admin role); null clears "
                                        + "group or description. A component of vigil.yml answers 409.",
                                ref("ComponentChanges"), 200, ref("Component"), "400", "401", "403", "404", "409", "415"),
                        "delete", operation("retireComponent", "Retires a console component and stops its probes "
                                        + "(admin role); its history stays. A component of vigil.yml answers 409.",
                                null, 204, null, "401", "403", "404", "409")),
                "/api/v1/incidents", map(
                        "get", operation("listIncidents", "Open incidents, and those that started or were resolved in "
                                        + "the last " + IncidentApi.RECENT.toDays() + " days; newest first, at most "
                                        + IncidentApi.MAX_LISTED + ", each with its updates (newest first).",
                                null, 200, object(map("incidents", arrayOf(ref("Incident")))), "401"),
                        "post", operation("createIncident", "Opens an incident with its first update (editor role). "
                                        + "It appears on the public page within seconds.",
                                ref("NewIncident"), 201, ref("Incident"), "400", "401", "403", "415")),
                "/api/v1/incidents/{id}", map(
                        "parameters", List.of(idParameter("The incident's id.")),
                        "get", operation("getIncident", "One incident with its updates.", null, 200, ref("Incident"),
                                "401", "404")),
                "/api/v1/incidents/{id}/updates", map(
                        "parameters", List.of(idParameter("The incident's id.")),
                        "post", operation("addIncidentUpdate", "Adds an update and moves the incident to its status "
                                        + "(editor role). Answers with the whole incident.",
                                ref("NewIncidentUpdate"), 201, ref("Incident"), "400", "401", "403", "404", "415")),
                "/api/v1/maintenances", map(
                        "get", operation("listMaintenances", "Every maintenance window not yet completed (soonest "
                                        + "first), then the " + MaintenanceApi.LATEST + " with the latest starts.",
                                null, 200, object(map("maintenances", arrayOf(ref("Maintenance")))), "401"),
                        "post", operation("createMaintenance", "Schedules a window (editor role), checked as the "
                                        + "console's form checks it. With an rrule, the coming windows of the series "
                                        + "are added at once.",
                                ref("NewMaintenance"), 201, ref("Maintenance"), "400", "401", "403", "415")),
                "/api/v1/maintenances/{id}", map(
                        "parameters", List.of(idParameter("The window's id.")),
                        "get", operation("getMaintenance", "One window with its updates.", null, 200,
                                ref("Maintenance"), "401", "404")),
                "/api/v1/maintenances/{id}/cancel", map(
                        "parameters", List.of(idParameter("The window's id.")),
                        "post", optionalBody(operation("cancelMaintenance", "Cancels a window that has not completed "
                                        + "(editor role): before its start it never begins, during it it ends now. "
                                        + "A completed window answers 400.",
                                ref("CancelMaintenance"), 200, ref("Maintenance"), "400", "401", "403", "404", "415"))),
                "/api/v1/subscribers", map("get", operation("listSubscribers", "Public subscribers who have not left, "
                                + "newest first, at most " + SubscriberApi.MAX_LISTED + " (admin role). Addresses are "
                                + "masked as in the console.",
                        null, 200, object(map("subscribers", arrayOf(ref("Subscriber")))), "401", "403")),
                "/api/v1/subscribers/{id}", map(
                        "parameters", List.of(idParameter("The subscriber's id.")),
                        "delete", operation("deleteSubscriber", "Removes a subscriber and cancels what still "
                                + "waits to be sent to them (admin role).", null, 204, null, "401", "403", "404")),
                "/api/v1/probes", map("get", operation("listProbes", "The running probes: vigil.yml's in file order, "
                                + "then the console's; each with its status, last check and open outage.",
                        null, 200, object(map("probes", arrayOf(ref("Probe")))), "401"),
                        "post", operation("createProbe", "Adds a probe (admin role), with vigil.yml's keys, defaults "
                                        + "and rules; it starts checking at once.",
                                ref("NewProbe"), 201, ref("Probe"), "400", "401", "403", "415")),
                "/api/v1/probes/{id}", map(
                        "parameters", List.of(idParameter("The probe's id.")),
                        "get", operation("getProbe", "One probe.", null, 200, ref("Probe"), "401", "404"),
                        "patch", operation("updateProbe", "Changes the fields given (admin role; expect's keys one "
                                        + "by one) and reschedules the probe. A probe of vigil.yml answers 409.",
                                ref("ProbeChanges"), 200, ref("Probe"), "400", "401", "403", "404", "409", "415"),
                        "delete", operation("removeProbe", "Stops a console probe (admin role); its history stays. "
                                        + "A probe of vigil.yml answers 409.", null, 204, null, "401", "403", "404", "409")),
                "/api/v1/action-items", map("get", withFilters(operation("listActionItems", "Action items of "
                                + "every postmortem, overdue first, then by due date; at most 1000. The query "
                                + "parameters filter as the console's board does.",
                        null, 200, object(map("action_items", arrayOf(ref("ActionItem")))), "400", "401"))),
                "/api/v1/action-items/{id}", map(
                        "parameters", List.of(idParameter("The action item's id.")),
                        "get", operation("getActionItem", "One action item.", null, 200, ref("ActionItem"), "401",
                                "404"),
                        "patch", operation("patchActionItem", "Changes the fields named, the status included (editor "
                                        + "role); the others stay. wont_do needs wont_do_reason; done and wont_do set "
                                        + "completed_at, any other status clears it. Every changed field is recorded.",
                                ref("ActionItemPatch"), 200, ref("ActionItem"), "400", "401", "403", "404", "415"),
                        "delete", operation("deleteActionItem", "Deletes an action item (admin role); its history "
                                + "is kept.", null, 204, null, "401", "403", "404")),
                "/api/v1/postmortems/{id}/action-items", map(
                        "parameters", List.of(idParameter("The postmortem's id.")),
                        "get", operation("listPostmortemActionItems", "A postmortem's action items, soonest due first.",
                                null, 200, object(map("action_items", arrayOf(ref("ActionItem")))), "401", "404"),
                        "post", operation("createActionItem", "Adds an open action item (editor role). due_on "
                                        + "defaults from the postmortem's severity (postmortems.due_days).",
                                ref("NewActionItem"), 201, ref("ActionItem"), "400", "401", "403", "404", "415")),
                "/api/v1/openapi.json", map("get", operation("getOpenApi", "This description.", null, 200,
                        map("type", "object"), "401")));
    }

    /** The board's filters as query parameters. */
    private static Map<String, Object> withFilters(Map<String, Object> operation) {
        operation.put("parameters", List.of(
                query("owner", "Only this user's items (a user id).", string()),
                query("status", "Only items with this status.", map("enum", ItemStatus.keys())),
                query("priority", "Only items with this priority.", map("enum", Priority.keys())),
                query("component", "Only items of postmortems about this component (its id).", string()),
                query("overdue", "1: only items not closed whose due date has passed.", map("enum", List.of("1", "0")))));
        return operation;
    }

    static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return map("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    static Map<String, Object> operation(String id, String summary, Map<String, Object> request, int status,
            Map<String, Object> result, String... errors) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(Integer.toString(status), result == null ? map("description", "Done; no content.")
                : map("description", status == 201 ? "Created" : "OK", "content", map(JSON, map("schema", result))));
        for (String error : errors) {
            responses.put(error, map("$ref", "#/components/responses/" + error));
        }
        Map<String, Object> operation = map("operationId", id, "summary", summary);
        if (request != null) {
            operation.put("requestBody", map("required", true, "content", map(JSON, map("schema", request))));
        }
        operation.put("responses", responses);
        return operation;
    }

    /** The request body may be left out. */
    private static Map<String, Object> optionalBody(Map<String, Object> operation) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        body.put("required", false);
        return operation;
    }

    private static Map<String, Object> responses() {
        return map(
                "400", error("Invalid input: fields says what is wrong with each field.", "invalid_input"),
                "401", error("No API token, or one that is unknown or revoked.", "unauthorized"),
                "403", error("The token's role is too low for this.", "forbidden"),
                "404", error("There is no such thing.", "not_found"),
                "409", error("It is managed in vigil.yml (edit the file, then reload it in the console), or, for a "
                        + "postmortem, someone else changed it since the version sent.", "conflict"),
                "415", error("The body is not declared as application/json.", "unsupported_media_type"));
    }

    private static Map<String, Object> error(String description, String example) {
        return map("description", description, "content", map(JSON, map("schema", ref("Error"),
                "example", map("error", example, "message", description))));
    }

    private static Map<String, Object> schemas() {
        List<String> settable = StaffIncidents.STATUSES.stream().map(IncidentStatus::apiName).toList();
        List<String> statuses = Arrays.stream(IncidentStatus.values()).map(IncidentStatus::apiName).toList();
        List<String> impacts = Arrays.stream(Impact.values()).map(Impact::apiName).toList();
        return map(
                "Error", object(map(
                        "error", map("type", "string", "description", "A stable code, such as invalid_input."),
                        "message", map("type", "string", "description", "What went wrong, for a person."),
                        "fields", map("type", "object", "additionalProperties", map("type", "string"),
                                "description", "For invalid_input: a message per field.")), "error", "message"),
                "Component", object(map(
                        "id", string(), "name", string(), "group", nullable("string"), "description", nullable("string"),
                        "position", map("type", "integer"),
                        "status", map("enum", List.of("operational", "under_maintenance", "degraded_performance",
                                "partial_outage", "major_outage")),
                        "source", map("enum", List.of("config", "console"),
                                "description", "config: declared in vigil.yml, read-only here."),
                        "created_at", time(), "updated_at", time())),
                "NewComponent", strict(componentFields(), "id", "name"),
                "ComponentChanges", changes(componentFields()),
                "NewProbe", strict(probeFields(), "id", "component", "url"),
                "ProbeChanges", changes(probeFields()),
                "Incident", object(map(
                        "id", string(), "name", string(), "status", map("enum", statuses), "impact", map("enum", impacts),
                        "source", map("enum", List.of("probe", StaffIncidents.SOURCE)),
                        "url", map("type", "string", "format", "uri", "description", "The incident's public page."),
                        "started_at", time(), "created_at", time(), "updated_at", time(),
                        "monitoring_at", nullableTime(), "resolved_at", nullableTime(),
                        "component_ids", arrayOf(string()), "updates", arrayOf(ref("IncidentUpdate")))),
                "IncidentUpdate", object(map(
                        "id", string(), "status", map("enum", statuses),
                        "body", map("type", "string", "description", "Markdown."),
                        "display_at", time(), "created_at", time())),
                "NewIncident", strict(map(
                        "name", map("type", "string", "minLength", 1, "maxLength", StaffIncidents.MAX_NAME),
                        "impact", map("enum", impacts, "default", Impact.NONE.apiName()),
                        "status", map("enum", settable, "default", IncidentStatus.INVESTIGATING.apiName()),
                        "body", body("The first update."),
                        "component_ids", map("type", "array", "items", string(), "uniqueItems", true,
                                "description", "Ids of affected components, from GET /api/v1/components.")),
                        "name", "body"),
                "NewIncidentUpdate", strict(map(
                        "status", map("enum", settable, "description", "Omitted: the incident keeps its status."),
                        "body", body("The update.")), "body"),
                "Maintenance", maintenance(),
                "MaintenanceUpdate", object(map(
                        "id", string(), "status", map("enum", maintenanceStatuses()),
                        "body", map("type", "string", "description", "Markdown."),
                        "display_at", time(), "created_at", time())),
                "NewMaintenance", strict(map(
                        "name", map("type", "string", "minLength", 1, "maxLength", MaintenanceForm.MAX_NAME),
                        "description", map("type", "string", "maxLength", MaintenanceForm.MAX_DESCRIPTION,
                                "description", "Markdown; the first update's text."),
                        "component_ids", map("type", "array", "items", string(), "minItems", 1, "uniqueItems", true,
                                "description", "Ids of the components under maintenance, from GET /api/v1/components."),
                        "scheduled_for", map("type", "string", "format", "date-time",
                                "description", "ISO 8601 with an offset, such as 2026-12-06T02:00:00Z; not in the past."),
                        "scheduled_until", map("type", "string", "format", "date-time",
                                "description", "ISO 8601 with an offset; after scheduled_for."),
                        "rrule", map("type", "string", "maxLength", Recurrence.MAX_LENGTH,
                                "description", "An RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=SU; "
                                        + "omitted for a one-off window.")),
                        "name", "component_ids", "scheduled_for", "scheduled_until"),
                "CancelMaintenance", map("type", "object", "additionalProperties", false, "properties", map(
                        "series", map("type", "boolean", "default", false,
                                "description", "Also cancel the later windows of the window's series."))),
                "Subscriber", object(map(
                        "id", string(), "channel", map("enum", List.of("email", "webhook")),
                        "target", map("type", "string", "description", "Masked: a***@example.com, or a webhook's "
                                + "scheme and host."),
                        "component_ids", map("type", "array", "items", string(), "description", "Empty: all components."),
                        "confirmed", map("type", "boolean"), "created_at", time(), "confirmed_at", nullableTime())),
                "ActionItem", object(map(
                        "id", string(), "postmortem_id", string(), "postmortem_title", string(), "title", string(),
                        "description", map("type", "string", "description", "Markdown."),
                        "owner_id", nullable("string"), "owner_name", nullable("string"),
                        "kind", map("enum", ItemKind.keys()), "priority", map("enum", Priority.keys()),
                        "due_on", map("type", "string", "format", "date", "description", "A day in the site's time zone."),
                        "overdue", map("type", "boolean"), "status", map("enum", ItemStatus.keys()),
                        "wont_do_reason", nullable("string"), "tracker_url", nullable("string"),
                        "source", map("enum", ItemSource.keys()), "public", map("type", "boolean",
                                "description", "Shown as a commitment on the public postmortem."),
                        "created_at", time(), "created_by", string(), "updated_at", time(),
                        "completed_at", nullableTime(),
                        "version", map("type", "integer", "description", "Send it back in a PATCH to refuse "
                                + "the change if someone else changed the item first."))),
                "NewActionItem", strict(actionItemFields(), "title", "owner_id"),
                "ActionItemPatch", noneRequired(strict(actionItemPatch())),
                "Probe", probe(),
                "ProbeCheck", object(map(
                        "at", time(), "outcome", map("enum", List.of("up", "degraded", "down")),
                        "reason", map("type", "string", "description", "OK, or why it failed, such as status 503."),
                        "duration_ms", map("type", "integer"), "status_code", nullable("integer"))),
                "ProbeOutage", object(map(
                        "id", string(), "started_at", time(), "confirmed_at", time(),
                        "reason", map("type", "string", "description", "The first failing check's reason."),
                        "incident_id", nullable("string"))));
    }

    private static Map<String, Object> maintenance() {
        return object(map(
                "id", string(),
                "series_id", map("type", List.of("string", "null"),
                        "description", "The first window of its series; null for a one-off window."),
                "name", string(), "description", map("type", "string", "description", "Markdown."),
                "status", map("enum", maintenanceStatuses()),
                "rrule", map("type", List.of("string", "null"), "description", "On a series' first window only."),
                "scheduled_for", time(), "scheduled_until", time(),
                "started_at", nullableTime(), "resolved_at", nullableTime(),
                "cancelled_at", map("type", List.of("string", "null"), "format", "date-time",
                        "description", "Set when staff cancelled it; it is then completed."),
                "created_at", time(), "updated_at", time(),
                "component_ids", arrayOf(string()), "updates", arrayOf(ref("MaintenanceUpdate"))));
    }

    /** A patch: every field may be left out. */
    private static Map<String, Object> noneRequired(Map<String, Object> schema) {
        schema.remove("required");
        return schema;
    }

    private static Map<String, Object> actionItemFields() {
        return map(
                "title", map("type", "string", "minLength", 1, "maxLength", ItemForm.MAX_TITLE),
                "description", map("type", "string", "maxLength", ItemForm.MAX_DESCRIPTION, "description", "Markdown."),
                "owner_id", map("type", List.of("string", "integer"), "description", "An active user's id; an unknown "
                        + "or disabled one answers 400 naming owner_id."),
                "kind", map("enum", ItemKind.keys(), "default", ItemKind.PREVENT.key()),
                "priority", map("enum", Priority.keys(), "default", Priority.P2.key()),
                "due_on", map("type", "string", "format", "date", "description", "YYYY-MM-DD in the site's time zone; "
                        + "not in the past. Default: today plus the days for the postmortem's severity."),
                "source", map("enum", ItemSource.keys(), "default", ItemSource.REVIEW.key()),
                "tracker_url", map("type", List.of("string", "null"), "format", "uri", "maxLength", ItemForm.MAX_URL,
                        "description", "An http or https link to the external tracker."),
                "public", map("type", "boolean", "default", false));
    }

    private static Map<String, Object> actionItemPatch() {
        Map<String, Object> fields = actionItemFields();
        fields.put("status", map("enum", ItemStatus.keys()));
        fields.put("wont_do_reason", map("type", "string", "maxLength", StatusRules.MAX_REASON,
                "description", "Needed with status wont_do."));
        fields.put("version", map("type", "integer", "description", "If given, the change is refused (400) "
                + "unless the item is still at this version."));
        return fields;
    }

    private static Map<String, Object> probe() {
        return object(map(
                "id", string(), "component_id", string(),
                "source", map("enum", List.of("config", "console")),
                "url", map("type", "string", "format", "uri", "description", "Without any user name or password."),
                "interval_seconds", map("type", "integer"), "timeout_ms", map("type", "integer"),
                "thresholds", object(map(
                        "failures_to_open", map("type", "integer", "description", "Failing checks in a row that open an outage."),
                        "successes_to_close", map("type", "integer", "description", "Passing checks in a row that close it."),
                        "expected_status", map("type", "integer"),
                        "max_latency_ms", map("type", List.of("integer", "null"),
                                "description", "Slower answers are degraded; null: any within the timeout."))),
                "status", map("enum", List.of("up", "degraded", "down"),
                        "description", "The confirmed status, as the thresholds agreed on; not just the last check."),
                "last_check", map("oneOf", List.of(ref("ProbeCheck"), map("type", "null"))),
                "open_outage", map("oneOf", List.of(ref("ProbeOutage"), map("type", "null")))));
    }

    private static Map<String, Object> componentFields() {
        return map("id", map("type", "string", "pattern", "^[a-z0-9][a-z0-9_-]{0,62}$"),
                "name", map("type", "string", "minLength", 1, "maxLength", 100),
                "group", nullable("string"),
                "description", map("type", List.of("string", "null"), "maxLength", 500),
                "position", map("type", "integer", "minimum", 1, "description", "Omitted: after every other component."));
    }

    /** The keys of a probe in vigil.yml; durations and sizes are written as there, such as "30s" and "1MiB". */
    private static Map<String, Object> probeFields() {
        return map("id", map("type", "string", "pattern", "^[a-z0-9][a-z0-9_-]{0,62}$"),
                "component", map("type", "string", "description", "The id of an active component."),
                "url", map("type", "string", "format", "uri", "description", "http or https."),
                "interval", duration("From 1s to 24h; default 60s."),
                "timeout", duration("At least 100ms, not longer than interval; default 10s."),
                "connect_timeout", duration("Not longer than timeout; default 5s."),
                "max_body", map("type", List.of("string", "integer"), "description", "1KiB to 64MiB; default 1MiB."),
                "expect", map("type", "object", "additionalProperties", false, "properties", map(
                        "status", map("type", "integer", "minimum", 100, "maximum", 599, "default", 200),
                        "body_contains", nullable("string"),
                        "max_latency", duration("Slower is degraded; shorter than timeout."))),
                "failures_to_open", map("type", "integer", "minimum", 1, "maximum", 100, "default", 3),
                "successes_to_close", map("type", "integer", "minimum", 1, "maximum", 100, "default", 2));
    }

    private static Map<String, Object> duration(String description) {
        return map("type", "string", "pattern", "^[0-9]{1,12}(ms|s|m|h|d)$", "description", description);
    }

    private static List<String> maintenanceStatuses() {
        return Arrays.stream(MaintenanceStatus.values()).map(MaintenanceStatus::apiName).toList();
    }

    private static Map<String, Object> body(String description) {
        return map("type", "string", "minLength", 1, "maxLength", StaffIncidents.MAX_BODY,
                "description", description + " Markdown.");
    }

    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = map("type", "object", "properties", properties);
        schema.put("required", required.length == 0 ? List.copyOf(properties.keySet()) : List.of(required));
        return schema;
    }

    /** A request object: unknown fields are refused. */
    static Map<String, Object> strict(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = object(properties, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** A PATCH body: any of the fields, none required, unknown ones refused. */
    static Map<String, Object> changes(Map<String, Object> properties) {
        Map<String, Object> schema = strict(properties);
        schema.remove("required");
        return schema;
    }

    static Map<String, Object> idParameter(String description) {
        return map("name", "id", "in", "path", "required", true, "description", description, "schema", string());
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return map("type", "array", "items", items);
    }

    static Map<String, Object> ref(String schema) {
        return map("$ref", "#/components/schemas/" + schema);
    }

    static Map<String, Object> string() {
        return map("type", "string");
    }

    static Map<String, Object> nullable(String type) {
        return map("type", List.of(type, "null"));
    }

    static Map<String, Object> time() {
        return map("type", "string", "format", "date-time");
    }

    static Map<String, Object> nullableTime() {
        return map("type", List.of("string", "null"), "format", "date-time");
    }

    /** An ordered map from alternating keys and values, so the document reads in the order written. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
