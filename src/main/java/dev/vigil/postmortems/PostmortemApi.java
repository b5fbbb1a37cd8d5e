package dev.vigil.postmortems;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.actionitems.Actor;
import dev.vigil.errors.Conflict;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.Refused;
import dev.vigil.postmortems.PostmortemAutomation.Full;
import dev.vigil.postmortems.PostmortemAutomation.Overview;
import dev.vigil.postmortems.PostmortemWorkflow.Action;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin API's postmortems (issue 4): list, read, create from incidents, patch the write-up,
 * move the workflow on, delete (admin role). Every write goes through the console's services;
 * a stale version answers 409 and a refused workflow step 400 with the workflow's reason.
 * A token has no user, so it cannot be a named reviewer: approve and request_changes are console-only.
 */
public record PostmortemApi(Postmortems postmortems, PostmortemEdits edits, PostmortemAutomation automation,
        TimeFormat times) {

    public static final int MAX_LISTED = 500;
    static final List<String> NEW_FIELDS = List.of("incident_ids", "title");
    static final List<String> PATCH_FIELDS = List.of("title", "severity", "owner_id", "started_at", "detected_at",
            "ended_at", "sections", "tags", "version");
    static final List<String> STATUS_FIELDS = List.of("action", "version");
    public static final List<String> ACTIONS = List.of("submit", "approve", "request_changes", "publish", "complete");

    /** GET /api/v1/postmortems?status= */
    public void list(Context ctx) {
        String filter = ctx.queryParam("status");
        PostmortemStatus status = null;
        if (filter != null && !filter.isBlank()) {
            status = PostmortemStatus.parse(filter.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> InvalidInput.of(
                    "status", "Unknown status \"" + filter + "\"; it is one of draft, in_review, approved, published, "
                            + "complete."));
        }
        JsonResponse.send(ctx, 200, Map.of("postmortems",
                automation.list(status, MAX_LISTED).stream().map(this::view).toList()));
    }

    /** GET /api/v1/postmortems/{id} */
    public void one(Context ctx) {
        JsonResponse.send(ctx, 200, view(automation.one(id(ctx))));
    }

    /** POST /api/v1/postmortems: a draft of the given incidents, filled from the records. */
    public void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, NEW_FIELDS);
        List<Long> incidents = body.ids("incident_ids");
        String title = body.text("title");
        body.throwIfInvalid();
        long id = renamed(() -> postmortems.create(actor(ctx), incidents, title));
        ctx.header("Location", ApiErrors.BASE + "/postmortems/" + id);
        JsonResponse.send(ctx, 201, view(automation.one(id)));
    }

    /**
     * PATCH /api/v1/postmortems/{id}: the fields named change, the rest stay; version is required and
     * must be the current one. All changes are written in one transaction, or none.
     */
    public void patch(Context ctx) {
        long id = id(ctx);
        JsonBody body = JsonBody.of(ctx, PATCH_FIELDS);
        Long version = body.wholeNumber("version");
        Full full = automation.one(id);
        Postmortem current = full.overview().postmortem();
        PostmortemStore.Details details = details(body, current);
        Map<String, String> sections = body.textsByKey("sections");
        List<String> keys = full.sections().stream().map(PostmortemStore.Section::key).toList();
        for (String key : sections.keySet()) {
            if (!keys.contains(key)) {
                throw InvalidInput.of("sections." + key, "This postmortem has no section \"" + key + "\"; its sections "
                        + "are " + String.join(", ", keys) + ".");
            }
        }
        List<String> tags = body.has("tags") ? body.texts("tags") : null;
        body.throwIfInvalid();
        if (version == null) {
            throw InvalidInput.of("version", "Give the version you read, so that someone else's change is not lost.");
        }
        if (current.version() != version) {
            throw conflict();
        }
        renamed(() -> {
            edits.patch(actor(ctx), id, version, new PostmortemEdits.Patch(details, sections, tags));
            return null;
        });
        JsonResponse.send(ctx, 200, view(automation.one(id)));
    }

    /** POST /api/v1/postmortems/{id}/status: {"action": "submit" | "publish" | "complete", "version": n} */
    public void changeStatus(Context ctx) {
        long id = id(ctx);
        JsonBody body = JsonBody.of(ctx, STATUS_FIELDS);
        String action = body.text("action");
        Long version = body.wholeNumber("version");
        body.throwIfInvalid();
        new InvalidInput.Collector()
                .check(action != null && ACTIONS.contains(action), "action", "It is one of " + String.join(", ", ACTIONS)
                        + ".")
                .check(version != null, "version", "Give the version you read.")
                .throwIfAny();
        if (action.equals("approve") || action.equals("request_changes")) {
            throw new Refused("Only a named reviewer can " + action.replace('_', ' ') + ", in the console: "
                    + "an API token is not a person and cannot be a reviewer.");
        }
        try {
            automation.apply(actor(ctx), id, version, Action.valueOf(action.toUpperCase(Locale.ROOT)));
        } catch (EditConflict e) {
            throw conflict();
        } catch (InvalidInput refused) {
            throw new Refused(String.join(" ", refused.fields().values()));
        }
        JsonResponse.send(ctx, 200, view(automation.one(id)));
    }

    /** DELETE /api/v1/postmortems/{id} (admin role): gone from lists and pages; its rows and history stay. */
    public void delete(Context ctx) {
        postmortems.delete(actor(ctx), id(ctx));
        ctx.status(204);
    }

    /** The details after the patch: the fields given (null clears a time or the owner), the rest as they are. */
    private static PostmortemStore.Details details(JsonBody body, Postmortem current) {
        List<String> detailFields = List.of("title", "severity", "owner_id", "started_at", "detected_at", "ended_at");
        if (detailFields.stream().noneMatch(body::has)) {
            return null;
        }
        String title = body.has("title") ? body.text("title") : current.title();
        Severity severity = current.severity();
        String severityKey = body.text("severity");
        if (body.has("severity")) {
            severity = Severity.parse(severityKey).orElse(null);
        }
        Long owner = current.ownerId();
        if (body.has("owner_id")) {
            String text = body.idText("owner_id");
            try {
                owner = text == null ? null : Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("owner_id", "Must be a user's id, or null for nobody.");
            }
        }
        return new PostmortemStore.Details(title, severity, owner,
                body.has("started_at") ? body.instant("started_at") : current.startedAt(),
                body.has("detected_at") ? body.instant("detected_at") : current.detectedAt(),
                body.has("ended_at") ? body.instant("ended_at") : current.endedAt());
    }

    /** Runs a service call, naming its problems by the API's field names and a stale version as 409. */
    private static <T> T renamed(Supplier<T> call) {
        try {
            return call.get();
        } catch (EditConflict e) {
            throw conflict();
        } catch (InvalidInput e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.fields().forEach((field, message) -> fields.put(switch (field) {
                case "incident" -> "incident_ids";
                case "owner" -> "owner_id";
                default -> field.startsWith("section.") ? "sections." + field.substring(8) : field;
            }, message));
            throw new InvalidInput(fields);
        }
    }

    private static Conflict conflict() {
        return new Conflict("Someone else changed this postmortem since that version, so nothing was saved. "
                + "Read it again and send the current version.");
    }

    private Map<String, Object> view(Overview o) {
        Postmortem p = o.postmortem();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(p.id()));
        json.put("title", p.title());
        json.put("severity", p.severity().key());
        json.put("status", p.status().key());
        json.put("owner", p.ownerId() == null ? null : Map.of("id", Long.toString(p.ownerId()), "name", p.ownerName()));
        json.put("incident_ids", o.incidentIds().stream().map(String::valueOf).toList());
        json.put("component_ids", o.componentIds());
        json.put("started_at", times.iso(p.startedAt()));
        json.put("detected_at", times.iso(p.detectedAt()));
        json.put("ended_at", times.iso(p.endedAt()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("impact_seconds", seconds(p.figures().impact()));
        figures.put("undetected_seconds", seconds(p.figures().undetected()));
        figures.put("to_resolve_seconds", seconds(p.figures().toResolve()));
        json.put("figures", figures);
        json.put("action_items", Map.of("open", o.openItems(), "closed", o.closedItems()));
        json.put("public_published_at", times.iso(o.publicPublishedAt()));
        json.put("created_at", times.iso(p.createdAt()));
        json.put("updated_at", times.iso(p.updatedAt()));
        json.put("version", p.version());
        return json;
    }

    private Map<String, Object> view(Full full) {
        Map<String, Object> json = view(full.overview());
        json.put("sections", full.sections().stream().map(s -> Map.of("key", s.key(), "title", s.title(),
                "body", s.body())).toList());
        json.put("timeline", full.timeline().stream().map(this::view).toList());
        json.put("tags", full.tags());
        json.put("reviewers", full.reviewers().stream().map(r -> {
            Map<String, Object> reviewer = new LinkedHashMap<>();
            reviewer.put("user_id", Long.toString(r.userId()));
            reviewer.put("name", r.name());
            reviewer.put("approved_at", times.iso(r.approvedAt()));
            return reviewer;
        }).toList());
        json.put("public_body", full.publicBody());
        return json;
    }

    private Map<String, Object> view(TimelineEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(e.id()));
        json.put("at", times.iso(e.at()));
        json.put("kind", e.kind());
        json.put("title", e.title());
        json.put("detail", e.detail());
        json.put("hidden", e.hidden());
        json.put("pinned", e.pinned());
        json.put("annotation", e.annotation());
        return json;
    }

    private static Long seconds(Optional<Duration> duration) {
        return duration.map(Duration::toSeconds).orElse(null);
    }

    private static Actor actor(Context ctx) {
        return Actor.of(ApiGuard.token(ctx));
    }

    private static long id(Context ctx) {
        return PathIds.id(ctx, "postmortem");
    }
}
