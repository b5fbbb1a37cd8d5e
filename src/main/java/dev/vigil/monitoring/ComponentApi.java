package dev.vigil.monitoring;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.ComponentConfig;
import dev.vigil.config.Entries;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/components: the components as stored, in page order; admins create, change and retire
 * those made outside vigil.yml (issue 3). Those of vigil.yml answer 409.
 */
public record ComponentApi(Database database, ComponentStore components, ComponentEditor editor, TimeFormat times) {

    static final List<String> FIELDS = List.of("id", "name", "group", "description", "essential", "position");

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("components",
                database.read(components::all).stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        JsonResponse.send(ctx, 200, view(find(ctx.pathParam("id"))));
    }

    /** POST /api/v1/components */
    public void create(Context ctx) {
        ComponentInput input = JsonBody.of(ctx, FIELDS).readWith(ComponentInput::read);
        editor.createComponent(input.component(), input.position(), ApiGuard.token(ctx).actor());
        ctx.header("Location", ApiErrors.BASE + "/components/" + input.component().id());
        JsonResponse.send(ctx, 201, view(find(input.component().id())));
    }

    /** PATCH /api/v1/components/{id}: the fields given change; null clears group or description. */
    public void update(Context ctx) {
        Component current = editor.editableComponent(ctx.pathParam("id"));
        ComponentInput input = JsonBody.of(ctx, FIELDS).readWith(changes -> {
            if (changes.containsKey("id") && !current.id().equals(changes.get("id"))) {
                throw InvalidInput.of("id", "An id cannot change; create a new component and retire this one.");
            }
            Map<String, Object> merged = new LinkedHashMap<>(Entries.nest(Entries.fieldsOf(
                    new ComponentConfig(current.id(), current.name(), current.groupName(), current.description(),
                            current.essential()))));
            merged.putAll(changes);
            return ComponentInput.read(merged);
        });
        editor.updateComponent(current.id(), input.component(), input.position(), ApiGuard.token(ctx).actor());
        JsonResponse.send(ctx, 200, view(find(current.id())));
    }

    /** DELETE /api/v1/components/{id}: retires it and stops its probes; its history stays. */
    public void retire(Context ctx) {
        editor.retireComponent(ctx.pathParam("id"), ApiGuard.token(ctx).actor());
        ctx.status(204);
    }

    private Component find(String id) {
        return database.read(handle -> components.find(handle, id))
                .orElseThrow(() -> new NotFound("There is no component with the id \"" + id + "\"."));
    }

    private Map<String, Object> view(Component c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("group", c.groupName());
        json.put("description", c.description());
        json.put("essential", c.essential());
        json.put("position", c.position());
        json.put("status", c.status().apiName());
        json.put("source", c.source());
        json.put("created_at", times.iso(c.createdAt()));
        json.put("updated_at", times.iso(c.updatedAt()));
        return json;
    }
}
