package dev.vigil.api;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.time.TimeFormat;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/v1/components and /api/v1/components/{id}: the components as stored, in page order. */
public final class ComponentApi {
    private final Database database;
    private final ComponentStore components;
    private final TimeFormat times;

    public ComponentApi(Database database, ComponentStore components, TimeFormat times) {
        this.database = database;
        this.components = components;
        this.times = times;
    }

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("components",
                database.read(components::all).stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        String id = ctx.pathParam("id");
        Component component = database.read(handle -> components.find(handle, id))
                .orElseThrow(() -> new NotFoundResponse("There is no component with the id \"" + id + "\"."));
        JsonResponse.send(ctx, 200, view(component));
    }

    private Map<String, Object> view(Component c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("group", c.groupName());
        json.put("description", c.description());
        json.put("position", c.position());
        json.put("status", c.status().apiName());
        json.put("created_at", times.iso(c.createdAt()));
        json.put("updated_at", times.iso(c.updatedAt()));
        return json;
    }
}
