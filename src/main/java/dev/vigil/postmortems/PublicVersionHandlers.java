package dev.vigil.postmortems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.postmortems.ReviewRequests.Refusal;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** GET /console/postmortems/{id}/public and its forms: save or preview the public draft, publish, choose commitments. */
public record PublicVersionHandlers(PublicPostmortems publicVersions, ReviewViews views, Templates pages,
        String siteName) {

    public void show(Context ctx) {
        render(ctx, null, null, Map.of());
    }

    /** POST: saves the draft, or (the Preview button) shows it rendered without saving. */
    public void save(Context ctx) {
        long id = ReviewRequests.pathId(ctx, "id");
        String draft = ReviewRequests.text(ctx, "draft");
        if ("preview".equals(ctx.formParam("action"))) {
            render(ctx, draft, views.html(draft), Map.of());
            return;
        }
        showAgain(ctx, ReviewRequests.attempt(ctx, page(id),
                () -> publicVersions.saveDraft(StaffGuard.user(ctx), id, ReviewRequests.version(ctx), draft)), draft);
    }

    public void publish(Context ctx) {
        long id = ReviewRequests.pathId(ctx, "id");
        showAgain(ctx, ReviewRequests.attempt(ctx, page(id),
                () -> publicVersions.publish(StaffGuard.user(ctx), id, ReviewRequests.version(ctx))), null);
    }

    /** POST .../commitments/{itemId}: shown=1 to show the item publicly, anything else to hide it. */
    public void commitment(Context ctx) {
        long id = ReviewRequests.pathId(ctx, "id");
        long itemId = ReviewRequests.pathId(ctx, "itemId");
        boolean shown = "1".equals(ctx.formParam("shown"));
        showAgain(ctx, ReviewRequests.attempt(ctx, page(id) + "#commitments", () -> publicVersions.showCommitment(
                StaffGuard.user(ctx), id, itemId, ReviewRequests.version(ctx), shown)), null);
    }

    private void showAgain(Context ctx, Refusal refusal, String draft) {
        if (refusal != null) {
            ctx.status(refusal.status());
            render(ctx, draft, null, refusal.errors());
        }
    }

    /** draft is what the editor shows: null for the saved draft (or the starting text when none is saved). */
    private void render(Context ctx, String draft, String preview, Map<String, String> errors) {
        long id = ReviewRequests.pathId(ctx, "id");
        pages.page(ctx, "postmortems/public.jte", views.publicVersion(Frame.of(siteName, ctx),
                StaffGuard.canEdit(ctx), publicVersions.load(StaffGuard.user(ctx), id), draft, preview, errors));
    }

    private static String page(long id) {
        return "/console/postmortems/" + id + "/public";
    }
}
