package dev.vigil.actionitems;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The admin API's action items (issue 4): list (with the board's filters), read, create under a
 * postmortem, patch any field and the status, delete (admin role). Checked as the console checks.
 */
public record ActionItemApi(ActionItems items, TimeFormat times) {

    static final List<String> NEW_FIELDS = List.of("title", "description", "owner_id", "kind", "priority", "due_on",
            "source", "tracker_url", "public");
    static final List<String> PATCH_FIELDS = List.of("title", "description", "owner_id", "kind", "priority", "due_on",
            "source", "tracker_url", "public", "status", "wont_do_reason", "version");

    /** GET /api/v1/action-items?owner=&status=&priority=&component=&overdue=1 */
    public void list(Context ctx) {
        List<ActionItem> found = items.matching(ItemFilters.parse(ctx::queryParam));
        JsonResponse.send(ctx, 200, Map.of("action_items", found.stream().map(this::view).toList()));
    }

    /** GET /api/v1/postmortems/{id}/action-items */
    public void ofPostmortem(Context ctx) {
        PostmortemRef postmortem = postmortem(ctx);
        JsonResponse.send(ctx, 200, Map.of("action_items",
                items.ofPostmortem(postmortem.id()).stream().map(this::view).toList()));
    }

    /** POST /api/v1/postmortems/{id}/action-items; due_on defaults by the postmortem's severity. */
    public void create(Context ctx) {
        PostmortemRef postmortem = postmortem(ctx);
        JsonBody body = JsonBody.of(ctx, NEW_FIELDS);
        ItemForm form = overlay(body).apply(ItemForm.fresh(items.suggestedDue(postmortem)));
        body.throwIfInvalid();
        ActionItem item = items.create(postmortem.id(), form, actor(ctx))
                .orElseThrow(() -> noPostmortem(postmortem.id()));
        ctx.header("Location", ApiErrors.BASE + "/action-items/" + item.id());
        JsonResponse.send(ctx, 201, view(item));
    }

    /** GET /api/v1/action-items/{id} */
    public void one(Context ctx) {
        long id = id(ctx);
        JsonResponse.send(ctx, 200, view(items.find(id).orElseThrow(() -> noItem(id))));
    }

    /** PATCH /api/v1/action-items/{id}: the fields named change, the rest stay; version, if given, must match. */
    public void patch(Context ctx) {
        long id = id(ctx);
        JsonBody body = JsonBody.of(ctx, PATCH_FIELDS);
        UnaryOperator<ItemForm> changes = overlay(body);
        String status = body.text("status");
        String reason = body.text("wont_do_reason");
        Long version = body.wholeNumber("version");
        body.throwIfInvalid();
        ActionItem item = items.patch(id, version, changes, status, reason, actor(ctx)).orElseThrow(() -> noItem(id));
        JsonResponse.send(ctx, 200, view(item));
    }

    /** DELETE /api/v1/action-items/{id} (admin role) */
    public void delete(Context ctx) {
        long id = id(ctx);
        if (!items.delete(id, null, actor(ctx))) {
            throw noItem(id);
        }
        ctx.status(204);
    }

    /** The body's fields laid over a form: absent fields keep the form's values. */
    private static UnaryOperator<ItemForm> overlay(JsonBody body) {
        String title = body.text("title");
        String description = body.text("description");
        String owner = body.idText("owner_id");
        String kind = body.text("kind");
        String priority = body.text("priority");
        String dueOn = body.text("due_on");
        String source = body.text("source");
        String tracker = body.text("tracker_url");
        boolean isPublic = body.flag("public");
        boolean hasPublic = body.has("public");
        boolean hasTracker = body.has("tracker_url");
        return form -> new ItemForm(pick(title, form.title()), pick(description, form.description()),
                pick(owner, form.ownerId()), pick(kind, form.kind()), pick(priority, form.priority()),
                pick(dueOn, form.dueOn()), pick(source, form.source()),
                hasTracker ? (tracker == null ? "" : tracker) : form.trackerUrl(),
                hasPublic ? isPublic : form.isPublic(), form.keptDueOn());
    }

    private static String pick(String given, String current) {
        return given != null ? given : current;
    }

    private Map<String, Object> view(ActionItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(item.id()));
        json.put("postmortem_id", Long.toString(item.postmortemId()));
        json.put("postmortem_title", item.postmortemTitle());
        json.put("title", item.title());
        json.put("description", item.description());
        json.put("owner_id", item.ownerId() == null ? null : Long.toString(item.ownerId()));
        json.put("owner_name", item.ownerName());
        json.put("kind", item.kind().key());
        json.put("priority", item.priority().key());
        json.put("due_on", item.dueOn().toString());
        json.put("overdue", item.overdue(items.today()));
        json.put("status", item.status().key());
        json.put("wont_do_reason", item.wontDoReason());
        json.put("tracker_url", item.trackerUrl());
        json.put("source", item.source().key());
        json.put("public", item.isPublic());
        json.put("created_at", times.iso(item.createdAt()));
        json.put("created_by", item.createdBy());
        json.put("updated_at", times.iso(item.updatedAt()));
        json.put("completed_at", times.iso(item.completedAt()));
        json.put("version", item.version());
        return json;
    }

    private PostmortemRef postmortem(Context ctx) {
        long id = id(ctx);
        return items.postmortem(id).orElseThrow(() -> noPostmortem(id));
    }

    private static Actor actor(Context ctx) {
        return Actor.of(ApiGuard.token(ctx));
    }

    private static long id(Context ctx) {
        return PathIds.id(ctx, "item");
    }

    private static NotFound noItem(long id) {
        return PathIds.noSuch("action item", id);
    }

    private static NotFound noPostmortem(long id) {
        return new NotFound("There is no postmortem with the id \"" + id + "\".");
    }
}
