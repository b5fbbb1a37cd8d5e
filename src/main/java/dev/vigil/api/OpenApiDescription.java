package dev.vigil.api;

import dev.vigil.accounts.ApiTokens;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.StaffIncidents;
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
                        "description", "Read components and incidents, and run incidents from scripts. Every request "
                                + "needs an API token (" + ApiTokens.PREFIX + "...) in the header Authorization: Bearer; "
                                + "admins create tokens in the console. Reading needs the viewer role, writing the editor role."),
                "servers", List.of(map("url", siteUrl)),
                "security", List.of(map("bearer", List.of())),
                "paths", paths(),
                "components", map(
                        "securitySchemes", map("bearer", map("type", "http", "scheme", "bearer",
                                "description", "An API token from the console's API tokens page.")),
                        "schemas", schemas(),
                        "responses", responses()));
    }

    public void serve(Context ctx) {
        JsonResponse.send(ctx, 200, description);
    }

    private static Map<String, Object> paths() {
        return map(
                "/api/v1/components", map("get", operation("listComponents", "The components, in page order.",
                        null, 200, object(map("components", arrayOf(ref("Component")))), "401")),
                "/api/v1/components/{id}", map(
                        "parameters", List.of(idParameter("The component's id, as in the configuration.")),
                        "get", operation("getComponent", "One component.", null, 200, ref("Component"), "401", "404")),
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
                "/api/v1/openapi.json", map("get", operation("getOpenApi", "This description.", null, 200,
                        map("type", "object"), "401")));
    }

    private static Map<String, Object> operation(String id, String summary, Map<String, Object> request, int status,
            Map<String, Object> result, String... errors) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(Integer.toString(status), map("description", status == 201 ? "Created" : "OK",
                "content", map(JSON, map("schema", result))));
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

    private static Map<String, Object> responses() {
        return map(
                "400", error("Invalid input: fields says what is wrong with each field.", "invalid_input"),
                "401", error("No API token, or one that is unknown or revoked.", "unauthorized"),
                "403", error("The token's role is too low for this.", "forbidden"),
                "404", error("There is no such thing.", "not_found"),
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
                        "created_at", time(), "updated_at", time())),
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
                        "body", body("The update.")), "body"));
    }

    private static Map<String, Object> body(String description) {
        return map("type", "string", "minLength", 1, "maxLength", StaffIncidents.MAX_BODY,
                "description", description + " Markdown.");
    }

    private static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = map("type", "object", "properties", properties);
        schema.put("required", required.length == 0 ? List.copyOf(properties.keySet()) : List.of(required));
        return schema;
    }

    /** A request object: unknown fields are refused. */
    private static Map<String, Object> strict(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = object(properties, required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> idParameter(String description) {
        return map("name", "id", "in", "path", "required", true, "description", description, "schema", string());
    }

    private static Map<String, Object> arrayOf(Map<String, Object> items) {
        return map("type", "array", "items", items);
    }

    private static Map<String, Object> ref(String schema) {
        return map("$ref", "#/components/schemas/" + schema);
    }

    private static Map<String, Object> string() {
        return map("type", "string");
    }

    private static Map<String, Object> nullable(String type) {
        return map("type", List.of(type, "null"));
    }

    private static Map<String, Object> time() {
        return map("type", "string", "format", "date-time");
    }

    private static Map<String, Object> nullableTime() {
        return map("type", List.of("string", "null"), "format", "date-time");
    }

    /** An ordered map from alternating keys and values, so the document reads in the order written. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
