package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.vigil.postmortems.PostmortemApi;
import dev.vigil.postmortems.PostmortemStatus;
import dev.vigil.postmortems.Severity;
import dev.vigil.testing.RunningVigil;
import dev.vigil.web.Json;
import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written contract (src/main/resources/openapi.yaml) against the code: it parses cleanly as OpenAPI 3.1,
 * it documents exactly the /api/v1 routes of the route table, and the values it copies from the code (enums,
 * defaults, limits) are still the code's. A new route or enum constant without a change to the file fails here.
 */
class OpenApiContractTest {
    private static final Set<HandlerType> REQUEST_TYPES = Set.of(
            HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    /** Every operation an OpenAPI path item can hold, so that one documented under any of them is compared. */
    private static final List<String> OPENAPI_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    static Path dataDir;
    static RunningVigil running;
    static HttpResponse<String> served;
    static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        running = RunningVigil.start(dataDir, "components: []\n");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // Anonymously, as a code generator would fetch it: no Authorization header.
        served = http.send(HttpRequest.newBuilder(URI.create(running.url("/api/v1/openapi.json"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        document = Json.parse(served.body());
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theServedDocumentIsPublicJsonThatSwaggerParserReadsAsOpenApi31WithoutMessages() {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).as("swagger-parser's errors and warnings").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
    }

    @Test
    void theServerIsTheConfiguredSiteUrl() {
        assertThat(document.at("/servers").size()).isEqualTo(1);
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("http://status.test");
    }

    @Test
    void theLicenseHasANameAndAnIdentifierOrAUrl() {
        OpenAPI openApi = parse().getOpenAPI();
        License license = openApi == null || openApi.getInfo() == null ? null : openApi.getInfo().getLicense();

        assertThat(license).as("info.license").isNotNull();
        assertThat(license.getName()).as("info.license.name").isNotBlank();
        assertThat(isBlank(license.getIdentifier()) && isBlank(license.getUrl()))
                .as("info.license needs an identifier (SPDX) or a url").isFalse();
    }

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Set<String> routed = running.vigil().web().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(route -> REQUEST_TYPES.contains(route.endpoint.method))
                .filter(route -> route.endpoint.path.equals("/api/v1") || route.endpoint.path.startsWith("/api/v1/"))
                // Javalin also writes path parameters as <name>; OpenAPI only knows {name}.
                .map(route -> route.endpoint.method + " " + route.endpoint.path.replaceAll("<([^>]+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> OPENAPI_METHODS.stream()
                .filter(path.getValue()::has)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(routed).as("the route table's /api/v1 routes (the filter must find some)").isNotEmpty();

        List<String> problems = new ArrayList<>();
        routed.stream().filter(route -> !documented.contains(route))
                .forEach(route -> problems.add(route + ": in the route table, missing from openapi.yaml"));
        documented.stream().filter(operation -> !routed.contains(operation))
                .forEach(operation -> problems.add(operation + ": in openapi.yaml, missing from the route table"));
        assertThat(problems).as("openapi.yaml's paths and the route table under /api/v1").isEmpty();
    }

    @Test
    void theEnumsAndDefaultsTakenFromTheCodeAreTheCodes() throws Exception {
        // Each line derives the list as the code answers it, so a constant added to an enum fails here
        // until openapi.yaml lists it too.
        List<String> incidentStatuses = names(IncidentStatus.values(), IncidentStatus::apiName);
        List<String> settableStatuses = StaffIncidents.STATUSES.stream().map(IncidentStatus::apiName).toList();
        List<String> impacts = names(Impact.values(), Impact::apiName);
        List<String> maintenanceStatuses = names(MaintenanceStatus.values(), MaintenanceStatus::apiName);
        List<String> postmortemStatuses = names(PostmortemStatus.values(), PostmortemStatus::key);
        List<String> severities = names(Severity.values(), Severity::key);
        @SuppressWarnings("unchecked")
        List<String> postmortemActions = (List<String>) constant(PostmortemApi.class, "ACTIONS");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(query("/api/v1/action-items", "get", "status") + "/enum", ItemStatus.keys());
        expected.put(query("/api/v1/action-items", "get", "priority") + "/enum", Priority.keys());
        expected.put(query("/api/v1/postmortems", "get", "status") + "/enum", postmortemStatuses);
        expected.put(property("Incident", "status") + "/enum", incidentStatuses);
        expected.put(property("Incident", "impact") + "/enum", impacts);
        expected.put(property("Incident", "source") + "/enum", List.of("probe", StaffIncidents.SOURCE));
        expected.put(property("IncidentUpdate", "status") + "/enum", incidentStatuses);
        expected.put(property("NewIncident", "impact") + "/enum", impacts);
        expected.put(property("NewIncident", "impact") + "/default", Impact.NONE.apiName());
        expected.put(property("NewIncident", "status") + "/enum", settableStatuses);
        expected.put(property("NewIncident", "status") + "/default", IncidentStatus.INVESTIGATING.apiName());
        expected.put(property("NewIncidentUpdate", "status") + "/enum", settableStatuses);
        expected.put(property("Maintenance", "status") + "/enum", maintenanceStatuses);
        expected.put(property("MaintenanceUpdate", "status") + "/enum", maintenanceStatuses);
        expected.put(property("ActionItem", "kind") + "/enum", ItemKind.keys());
        expected.put(property("ActionItem", "priority") + "/enum", Priority.keys());
        expected.put(property("ActionItem", "status") + "/enum", ItemStatus.keys());
        expected.put(property("ActionItem", "source") + "/enum", ItemSource.keys());
        for (String schema : List.of("NewActionItem", "ActionItemPatch")) {
            expected.put(property(schema, "kind") + "/enum", ItemKind.keys());
            expected.put(property(schema, "kind") + "/default", ItemKind.PREVENT.key());
            expected.put(property(schema, "priority") + "/enum", Priority.keys());
            expected.put(property(schema, "priority") + "/default", Priority.P2.key());
            expected.put(property(schema, "source") + "/enum", ItemSource.keys());
            expected.put(property(schema, "source") + "/default", ItemSource.REVIEW.key());
        }
        expected.put(property("ActionItemPatch", "status") + "/enum", ItemStatus.keys());
        for (String schema : List.of("PostmortemSummary", "Postmortem")) {
            expected.put(property(schema, "severity") + "/enum", severities);
            expected.put(property(schema, "status") + "/enum", postmortemStatuses);
        }
        expected.put(property("PostmortemPatch", "severity") + "/enum", severities);
        expected.put(property("PostmortemStatusChange", "action") + "/enum", postmortemActions);

        assertThat(differences(expected)).as("openapi.yaml's values that the code defines").isEmpty();
    }

    @Test
    void theLimitsAndCountsTakenFromTheCodeAreTheCodes() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(property("NewIncident", "name") + "/maxLength", StaffIncidents.MAX_NAME);
        expected.put(property("NewIncident", "body") + "/maxLength", StaffIncidents.MAX_BODY);
        expected.put(property("NewIncidentUpdate", "body") + "/maxLength", StaffIncidents.MAX_BODY);
        expected.put(property("NoticeDraft", "draft") + "/maxLength",
                constant(Class.forName("dev.vigil.incidents.console.IncidentForms"), "MAX_NOTICE"));
        expected.put(property("NewMaintenance", "name") + "/maxLength", MaintenanceForm.MAX_NAME);
        expected.put(property("NewMaintenance", "description") + "/maxLength", MaintenanceForm.MAX_DESCRIPTION);
        expected.put(property("NewMaintenance", "rrule") + "/maxLength", Recurrence.MAX_LENGTH);
        for (String schema : List.of("NewActionItem", "ActionItemPatch")) {
            expected.put(property(schema, "title") + "/maxLength", ItemForm.MAX_TITLE);
            expected.put(property(schema, "description") + "/maxLength", ItemForm.MAX_DESCRIPTION);
            expected.put(property(schema, "tracker_url") + "/maxLength", ItemForm.MAX_URL);
        }
        expected.put(property("ActionItemPatch", "wont_do_reason") + "/maxLength", StatusRules.MAX_REASON);
        List<String> problems = differences(expected);

        // The prose names a few of the code's numbers; the package-private ones are read by reflection.
        Duration recent = (Duration) constant(IncidentApi.class, "RECENT");
        List<Map.Entry<String, String>> mentions = List.of(
                Map.entry("/info/description", ApiTokens.PREFIX + "..."),
                Map.entry(summary("/api/v1/incidents", "get"), "the last " + recent.toDays() + " days"),
                Map.entry(summary("/api/v1/incidents", "get"), "at most " + constant(IncidentApi.class, "MAX_LISTED")),
                Map.entry(summary("/api/v1/maintenances", "get"), "then the " + constant(MaintenanceApi.class, "LATEST")),
                Map.entry(summary("/api/v1/subscribers", "get"), "at most " + constant(SubscriberApi.class, "MAX_LISTED")),
                Map.entry(summary("/api/v1/postmortems", "get"), "at most " + constant(PostmortemApi.class, "MAX_LISTED")));
        for (Map.Entry<String, String> mention : mentions) {
            String text = document.at(mention.getKey()).asText();
            if (!text.contains(mention.getValue())) {
                problems.add(mention.getKey() + " should say \"" + mention.getValue() + "\" but says \"" + text + "\"");
            }
        }

        assertThat(problems).as("openapi.yaml's numbers that the code defines").isEmpty();
    }

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        // Resolving the $refs makes a dangling one a message too.
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(served.body(), null, options);
    }

    /** What differs between the document at each JSON pointer and the value the code gives. */
    private static List<String> differences(Map<String, Object> expected) {
        List<String> problems = new ArrayList<>();
        expected.forEach((pointer, value) -> {
            JsonNode found = document.at(pointer);
            JsonNode wanted = Json.parse(Json.write(value));
            if (!found.equals(wanted)) {
                problems.add(pointer + " is " + (found.isMissingNode() ? "missing" : found) + ", the code says " + wanted);
            }
        });
        return problems;
    }

    private static String property(String schema, String name) {
        return "/components/schemas/" + schema + "/properties/" + name;
    }

    private static String summary(String path, String method) {
        return "/paths/" + escape(path) + "/" + method + "/summary";
    }

    /** The pointer to a query parameter's schema, found by its name. */
    private static String query(String path, String method, String name) {
        String operation = "/paths/" + escape(path) + "/" + method;
        JsonNode parameters = document.at(operation + "/parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if (name.equals(parameters.get(i).path("name").asText())) {
                return operation + "/parameters/" + i + "/schema";
            }
        }
        return operation + "/parameters/(none named " + name + ")";
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static <E extends Enum<E>> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    /** A package-private constant of the API package, which this package cannot name directly. */
    private static Object constant(Class<?> owner, String name) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
