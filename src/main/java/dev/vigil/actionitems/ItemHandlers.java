package dev.vigil.actionitems;

import dev.vigil.console.Role;
import dev.vigil.errors.InvalidInput;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A postmortem's action items and one item's page: viewers read; editors add, edit, move and
 * comment; admins delete. Forms come back with the fields marked when they do not pass.
 */
public record ItemHandlers(ActionItems items, ItemViews views, DuePolicy duePolicy, Templates templates,
        String siteName) {

    /** GET /console/postmortems/{id}/action-items */
    public void ofPostmortem(Context ctx) {
        long id = Requests.pathId(ctx);
        PostmortemRef postmortem = items.postmortem(id).orElseThrow(() -> Requests.noPostmortem(id));
        postmortemPage(ctx, postmortem, ItemForm.fresh(items.suggestedDue(postmortem)), Map.of());
    }

    /** POST /console/postmortems/{id}/action-items */
    public void create(Context ctx) {
        long id = Requests.pathId(ctx);
        PostmortemRef postmortem = items.postmortem(id).orElseThrow(() -> Requests.noPostmortem(id));
        ItemForm submitted = Requests.form(ctx);
        RefusedForm.submit(ctx, () -> {
            items.create(id, submitted, Requests.actor(ctx)).orElseThrow(() -> Requests.noPostmortem(id));
            ctx.redirect("/console/postmortems/" + id + "/action-items", HttpStatus.SEE_OTHER);
        }, fields -> postmortemPage(ctx, postmortem, submitted, fields));
    }

    /** GET /console/action-items/{id} */
    public void show(Context ctx) {
        long id = Requests.pathId(ctx);
        ActionItem item = items.find(id).orElseThrow(() -> Requests.noItem(id));
        itemPage(ctx, item, ItemForm.of(item), "", "", Map.of());
    }

    /** POST /console/action-items/{id}: the edit form. */
    public void edit(Context ctx) {
        long id = Requests.pathId(ctx);
        ItemForm submitted = Requests.form(ctx);
        attempt(ctx, id, submitted, "", "", "/console/action-items/" + id, () -> items.edit(id, Requests.version(ctx),
                current -> submitted.keeping(current.keptDueOn()), Requests.actor(ctx)));
    }

    /**
     * POST /console/action-items/{id}/status: won't do needs wont_do_reason. An undo from a list
     * gives back, the page it came from, and returns there.
     */
    public void changeStatus(Context ctx) {
        long id = Requests.pathId(ctx);
        String reason = ctx.formParam("wont_do_reason");
        attempt(ctx, id, null, reason, "", OneClickRequests.back(ctx, "/console/action-items/" + id),
                () -> items.changeStatus(id, Requests.version(ctx), ctx.formParam("status"), reason, Requests.actor(ctx)));
    }

    /**
     * POST /console/action-items/{id}/done: the one-click close of every list, with tracker_url when the
     * policy asks for a link. Back to the list, which then offers the undo.
     */
    public void markDone(Context ctx) {
        long id = Requests.pathId(ctx);
        ActionItem before = items.find(id).orElseThrow(() -> Requests.noItem(id));
        String back = OneClickRequests.back(ctx, "/console/action-items/" + id);
        String link = ctx.formParam("tracker_url");
        attempt(ctx, id, ItemForm.of(before).withTrackerUrl(link == null ? "" : link), "", "",
                OneClickRequests.afterClosing(back, before), () -> items.markDone(id, Requests.version(ctx), link,
                        Requests.actor(ctx)));
    }

    /** POST /console/action-items/{id}/comments */
    public void comment(Context ctx) {
        long id = Requests.pathId(ctx);
        String body = ctx.formParam("body");
        attempt(ctx, id, null, "", body, "/console/action-items/" + id, () -> items.comment(id, body, Requests.actor(ctx))
                ? items.find(id) : Optional.empty());
    }

    /** POST /console/action-items/{id}/delete (admins): back to the postmortem's items. */
    public void delete(Context ctx) {
        long id = Requests.pathId(ctx);
        ActionItem item = items.find(id).orElseThrow(() -> Requests.noItem(id));
        RefusedForm.submit(ctx, () -> {
            if (!items.delete(id, Requests.version(ctx), Requests.actor(ctx))) {
                throw Requests.noItem(id);
            }
            ctx.redirect("/console/postmortems/" + item.postmortemId() + "/action-items", HttpStatus.SEE_OTHER);
        }, fields -> itemPage(ctx, item, ItemForm.of(item), "", "", fields));
    }

    private interface Change {
        Optional<ActionItem> run();
    }

    /** Runs a change: 303 to next on success, the item's page again with the fields marked on bad input. */
    private void attempt(Context ctx, long id, ItemForm submitted, String reason, String comment, String next,
            Change change) {
        try {
            change.run().orElseThrow(() -> Requests.noItem(id));
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ActionItem item = items.find(id).orElseThrow(() -> Requests.noItem(id));
            ctx.status(HttpStatus.BAD_REQUEST);
            itemPage(ctx, item, submitted == null ? ItemForm.of(item) : submitted.keeping(item.dueOn()), reason,
                    comment, e.fields());
        }
    }

    private void postmortemPage(Context ctx, PostmortemRef postmortem, ItemForm form, Map<String, String> errors) {
        LocalDate today = items.today();
        ItemPages.ItemFormView formView = Requests.allows(ctx, Role.EDITOR) ? views.form(form, items.owners()) : null;
        templates.page(ctx, "actionitems/postmortem.jte", new ItemPages.PostmortemItems(
                Requests.frame(ctx, siteName), views.zone(), postmortem, duePolicy.daysFor(postmortem.severity()),
                views.rows(items.ofPostmortem(postmortem.id()), today), formView, errors, OneClickRequests.of(ctx, items)));
    }

    private void itemPage(Context ctx, ActionItem item, ItemForm form, String reason, String comment,
            Map<String, String> errors) {
        boolean canEdit = Requests.allows(ctx, Role.EDITOR);
        String status = errors.containsKey("wont_do_reason") ? ItemStatus.WONT_DO.key() : item.status().key();
        templates.page(ctx, "actionitems/item.jte", new ItemPages.ItemPage(Requests.frame(ctx, siteName),
                views.zone(), views.view(item, items.today()), views.html(item.description()),
                items.changes(item.id()).stream().map(views::change).toList(),
                items.comments(item.id()).stream().map(views::comment).toList(),
                canEdit ? views.form(form, items.owners()) : null,
                canEdit ? ItemViews.options(ItemStatus.values(), ItemStatus::key, ItemStatus::label, status) : null,
                reason == null ? "" : reason, comment == null ? "" : comment, Requests.allows(ctx, Role.ADMIN),
                errors, OneClickRequests.of(ctx, items)));
    }
}
