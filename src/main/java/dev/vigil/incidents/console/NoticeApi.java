package dev.vigil.incidents.console;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.Refused;
import dev.vigil.incidents.NoticeStore.Notice;
import dev.vigil.markdown.Prompts;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's customer notice of an incident, on the console's service: read the draft and
 * what is published, draft it from the record, save the draft, publish it. Publishing is refused,
 * with nothing sent anywhere, while the incident is open or a part of the draft is unwritten; the
 * answer is 400 with the reason, naming each unwritten part, as the console says it.
 */
public record NoticeApi(IncidentReads reads, Notices notices, TimeFormat times) {
    static final List<String> DRAFT_FIELDS = List.of("draft");

    /** GET /api/v1/incidents/{id}/notice */
    public void one(Context ctx) {
        JsonResponse.send(ctx, 200, view(id(ctx)));
    }

    /** POST /api/v1/incidents/{id}/notice/draft: a fresh draft from the record; the published text stays. */
    public void draft(Context ctx) {
        long id = existing(ctx);
        refusedWithReason(() -> notices.draft(ApiGuard.token(ctx).actor(), id));
        JsonResponse.send(ctx, 200, view(id));
    }

    /** PUT /api/v1/incidents/{id}/notice: {"draft": "Markdown"}; customers still read what was published. */
    public void save(Context ctx) {
        long id = existing(ctx);
        JsonBody body = JsonBody.of(ctx, DRAFT_FIELDS);
        String draft = body.text("draft");
        body.throwIfInvalid();
        notices.save(ApiGuard.token(ctx).actor(), id, IncidentForms.notice("draft", draft == null ? "" : draft));
        JsonResponse.send(ctx, 200, view(id));
    }

    /** POST /api/v1/incidents/{id}/notice/publish: the saved draft, as it is. */
    public void publish(Context ctx) {
        long id = existing(ctx);
        refusedWithReason(() -> notices.publish(ApiGuard.token(ctx).actor(), id));
        JsonResponse.send(ctx, 200, view(id));
    }

    /** The console's refusals name the form's field; a script reads the reason in the message. */
    private static void refusedWithReason(Runnable change) {
        try {
            change.run();
        } catch (InvalidInput refused) {
            throw new Refused(String.join(" ", refused.fields().values()));
        }
    }

    private Map<String, Object> view(long id) {
        Notice notice = reads.withNotice(id).orElseThrow(() -> PathIds.noSuch("incident", id)).notice().orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incident_id", Long.toString(id));
        json.put("draft", notice == null ? null : notice.draft());
        json.put("draft_updated_at", notice == null ? null : times.iso(notice.draftUpdatedAt()));
        json.put("unwritten_parts", notice == null ? List.of() : Prompts.unwrittenParts(notice.draft()));
        json.put("body", notice == null ? null : notice.body());
        json.put("published_at", notice == null ? null : times.iso(notice.publishedAt()));
        json.put("unpublished_changes", notice != null && notice.hasUnpublishedChanges());
        return json;
    }

    private long existing(Context ctx) {
        long id = id(ctx);
        reads.withNotice(id).orElseThrow(() -> PathIds.noSuch("incident", id));
        return id;
    }

    private static long id(Context ctx) {
        return PathIds.id(ctx, "incident");
    }
}
