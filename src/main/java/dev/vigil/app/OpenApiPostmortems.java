package dev.vigil.app;

import static dev.vigil.app.OpenApiDescription.arrayOf;
import static dev.vigil.app.OpenApiDescription.changes;
import static dev.vigil.app.OpenApiDescription.idParameter;
import static dev.vigil.app.OpenApiDescription.map;
import static dev.vigil.app.OpenApiDescription.nullable;
import static dev.vigil.app.OpenApiDescription.nullableTime;
import static dev.vigil.app.OpenApiDescription.object;
import static dev.vigil.app.OpenApiDescription.operation;
import static dev.vigil.app.OpenApiDescription.query;
import static dev.vigil.app.OpenApiDescription.ref;
import static dev.vigil.app.OpenApiDescription.strict;
import static dev.vigil.app.OpenApiDescription.string;
import static dev.vigil.app.OpenApiDescription.time;

import dev.vigil.postmortems.PostmortemApi;
import dev.vigil.postmortems.PostmortemStatus;
import dev.vigil.postmortems.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The postmortem part of the OpenAPI description (issue 4), merged into {@link OpenApiDescription}. */
final class OpenApiPostmortems {
    private OpenApiPostmortems() {}

    static Map<String, Object> addPaths(Map<String, Object> paths) {
        Map<String, Object> all = new LinkedHashMap<>(paths);
        all.put("/api/v1/postmortems", map(
                "get", operation("listPostmortems", "Postmortems, newest first; at most " + PostmortemApi.MAX_LISTED
                                + ". ?status= keeps those in one status.", null, 200,
                        object(map("postmortems", arrayOf(ref("PostmortemSummary")))), "400", "401"),
                "post", operation("createPostmortem", "A draft postmortem of the given incidents (editor role), "
                                + "filled from what Vigil recorded: times, severity, components, the template's "
                                + "sections and the timeline. A missing title takes the first incident's name.",
                        ref("NewPostmortem"), 201, ref("Postmortem"), "400", "401", "403", "415")));
        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) all.get("/api/v1/postmortems");
        @SuppressWarnings("unchecked")
        Map<String, Object> get = (Map<String, Object>) list.get("get");
        get.put("parameters", List.of(query("status", "Only postmortems in this status.",
                map("enum", statuses()))));
        all.put("/api/v1/postmortems/{id}", map(
                "parameters", List.of(idParameter("The postmortem's id.")),
                "get", operation("getPostmortem", "One postmortem with its sections, timeline, tags, reviewers and "
                        + "public text.", null, 200, ref("Postmortem"), "401", "404"),
                "patch", operation("patchPostmortem", "Changes the fields named (editor role), all in one "
                                + "transaction or none; version is required and a stale one answers 409.",
                        ref("PostmortemPatch"), 200, ref("Postmortem"), "400", "401", "403", "404", "409", "415"),
                "delete", operation("deletePostmortem", "Deletes a postmortem (admin role): it leaves lists and "
                        + "pages; its rows and history stay.", null, 204, null, "401", "403", "404")));
        all.put("/api/v1/postmortems/{id}/status", map(
                "parameters", List.of(idParameter("The postmortem's id.")),
                "post", operation("changePostmortemStatus", "Moves the review workflow on (editor role): submit "
                                + "(a draft with reviewers), publish (the saved public text, once approved and every "
                                + "incident is resolved), complete (once every action item is closed). A refused "
                                + "step answers 400 with the reason. approve and request_changes need a named "
                                + "reviewer, a person, so they are done in the console and answer 400 here.",
                        ref("PostmortemStatusChange"), 200, ref("Postmortem"), "400", "401", "403", "404", "409",
                        "415")));
        return all;
    }

    static Map<String, Object> addSchemas(Map<String, Object> schemas) {
        Map<String, Object> all = new LinkedHashMap<>(schemas);
        all.put("PostmortemSummary", object(summary()));
        Map<String, Object> full = summary();
        full.put("sections", arrayOf(object(map("key", string(), "title", string(),
                "body", map("type", "string", "description", "Markdown.")))));
        full.put("timeline", arrayOf(object(map("id", string(), "at", time(), "kind", string(), "title", string(),
                "detail", string(), "hidden", map("type", "boolean"), "pinned", map("type", "boolean"),
                "annotation", nullable("string")))));
        full.put("tags", arrayOf(string()));
        full.put("reviewers", arrayOf(object(map("user_id", string(), "name", string(),
                "approved_at", nullableTime()))));
        full.put("public_body", map("type", List.of("string", "null"),
                "description", "The public text as last published; null before the first publication."));
        all.put("Postmortem", object(full));
        all.put("NewPostmortem", strict(map(
                "incident_ids", map("type", "array", "minItems", 1, "items", map("type", List.of("string", "integer")),
                        "description", "The incidents to write up."),
                "title", map("type", "string", "maxLength", 200)), "incident_ids"));
        Map<String, Object> patch = changes(map(
                "title", map("type", "string", "minLength", 1, "maxLength", 200),
                "severity", map("enum", severities()),
                "owner_id", map("type", List.of("string", "integer", "null"), "description", "A user's id; null: nobody."),
                "started_at", nullableTime(), "detected_at", nullableTime(),
                "ended_at", map("type", List.of("string", "null"), "format", "date-time",
                        "description", "Not before started_at."),
                "sections", map("type", "object", "additionalProperties", map("type", "string"),
                        "description", "New Markdown by section key; sections not named stay."),
                "tags", map("type", "array", "items", string(), "description", "Replaces the tags."),
                "version", map("type", "integer", "description", "The version you read.")));
        patch.put("required", List.of("version"));
        all.put("PostmortemPatch", patch);
        all.put("PostmortemStatusChange", strict(map(
                "action", map("enum", PostmortemApi.ACTIONS), "version", map("type", "integer"))));
        return all;
    }

    private static Map<String, Object> summary() {
        return map(
                "id", string(), "title", string(), "severity", map("enum", severities()),
                "status", map("enum", statuses()),
                "owner", map("type", List.of("object", "null"), "properties", map("id", string(), "name", string())),
                "incident_ids", arrayOf(string()), "component_ids", arrayOf(string()),
                "started_at", nullableTime(), "detected_at", nullableTime(), "ended_at", nullableTime(),
                "figures", object(map(
                        "impact_seconds", seconds("End − start: how long customers were affected."),
                        "undetected_seconds", seconds("Detection − start: how long it went unnoticed."),
                        "to_resolve_seconds", seconds("End − detection: how long it took to resolve once known."))),
                "action_items", object(map("open", map("type", "integer"), "closed", map("type", "integer"))),
                "public_published_at", nullableTime(), "created_at", time(), "updated_at", time(),
                "version", map("type", "integer", "description", "Send it back in a PATCH or status change."));
    }

    private static Map<String, Object> seconds(String description) {
        return map("type", List.of("integer", "null"), "description", description + " Null when a time is unknown.");
    }

    private static List<String> statuses() {
        return Arrays.stream(PostmortemStatus.values()).map(PostmortemStatus::key).toList();
    }

    private static List<String> severities() {
        return Arrays.stream(Severity.values()).map(Severity::key).toList();
    }
}
