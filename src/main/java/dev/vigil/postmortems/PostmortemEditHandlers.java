package dev.vigil.postmortems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.errors.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The forms of the write-up page: details, sections, timeline events, tags, refresh, delete.
 * Each posts, then redirects to the page (post-redirect-get), or shows it again with the field
 * marked (400) or, when someone else saved first, with the person's text kept (409).
 */
public final class PostmortemEditHandlers {
    private final Postmortems postmortems;
    private final PostmortemEdits editor;
    private final PostmortemViews views;
    private final PostmortemHandlers show;

    PostmortemEditHandlers(Postmortems postmortems, PostmortemEdits editor, PostmortemViews views,
            PostmortemHandlers show) {
        this.postmortems = postmortems;
        this.editor = editor;
        this.views = views;
        this.show = show;
    }

    public void details(Context ctx) {
        edit(ctx, "details", (id, form) -> {
            Postmortem current = postmortems.load(id).postmortem();
            editor.editDetails(StaffGuard.user(ctx), id, form.version(), new PostmortemStore.Details(
                    form.text("title").strip(), Severity.parse(form.text("severity")).orElse(null), owner(form),
                    time(form, "started_at", current.startedAt()), time(form, "detected_at", current.detectedAt()),
                    time(form, "ended_at", current.endedAt())));
        });
    }

    public void section(Context ctx) {
        String key = ctx.pathParam("key");
        edit(ctx, "section-" + key, (id, form) -> editor.editSection(StaffGuard.user(ctx), id, form.version(),
                key, form.text("section." + key)));
    }

    /** POST: adds an event staff write. */
    public void addEvent(Context ctx) {
        edit(ctx, "timeline", (id, form) -> editor.addEvent(StaffGuard.user(ctx), id, form.version(),
                time(form, "event_at", null), form.text("event_title"), form.text("event_detail")));
    }

    /** POST .../timeline/{eventId}/{action}: hide, unhide, pin, unpin, annotate. */
    public void event(Context ctx) {
        long eventId = Form.pathId(ctx, "eventId");
        String action = ctx.pathParam("action");
        edit(ctx, "event-" + eventId, (id, form) -> {
            var user = StaffGuard.user(ctx);
            switch (action) {
                case "hide", "unhide" -> editor.setHidden(user, id, form.version(), eventId, action.equals("hide"));
                case "pin", "unpin" -> editor.setPinned(user, id, form.version(), eventId, action.equals("pin"));
                case "annotate" -> {
                    try {
                        editor.annotate(user, id, form.version(), eventId, form.text("annotation"));
                    } catch (InvalidInput e) {
                        throw InvalidInput.of("annotation." + eventId, e.getMessage());
                    }
                }
                default -> throw new dev.vigil.errors.NotFound("No such timeline action: " + action);
            }
        });
    }

    public void tags(Context ctx) {
        edit(ctx, "pm-tags", (id, form) -> editor.setTags(StaffGuard.user(ctx), id, form.version(),
                List.of(form.text("tags").split("[,\\s]+"))));
    }

    /** POST: re-adds the recorded events the timeline is missing. */
    public void refresh(Context ctx) {
        long id = Form.pathId(ctx, "id");
        postmortems.refreshTimeline(StaffGuard.user(ctx), id);
        ctx.redirect("/console/postmortems/" + id + "#timeline", HttpStatus.SEE_OTHER);
    }

    /** POST (admins): deletes, then shows the list it has vanished from. */
    public void delete(Context ctx) {
        postmortems.delete(StaffGuard.user(ctx), Form.pathId(ctx, "id"));
        ctx.redirect("/console/postmortems", HttpStatus.SEE_OTHER);
    }

    private interface Change {
        void apply(long id, Form form);
    }

    private void edit(Context ctx, String anchor, Change change) {
        long id = Form.pathId(ctx, "id");
        Form form = Form.of(ctx);
        try {
            change.apply(id, form);
            ctx.redirect("/console/postmortems/" + id + "#" + anchor, HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show.render(ctx, id, form.values(), null, e.fields());
        } catch (EditConflict e) {
            ctx.status(HttpStatus.CONFLICT);
            show.render(ctx, id, form.values(), e.getMessage(), Map.of());
        }
    }

    private static Long owner(Form form) {
        String text = form.text("owner");
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("owner", "Choose the owner from the list.");
        }
    }

    private Instant time(Form form, String field, Instant stored) {
        try {
            return views.fields().parse(form.text(field), stored).orElse(null);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "\"" + form.text(field) + "\" is not a time; use YYYY-MM-DD HH:MM in "
                    + views.zone() + ".");
        }
    }
}
