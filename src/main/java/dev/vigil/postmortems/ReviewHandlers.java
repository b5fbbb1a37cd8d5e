package dev.vigil.postmortems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.postmortems.ReviewPages.Typed;
import dev.vigil.postmortems.ReviewRequests.Refusal;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** GET /console/postmortems/{id}/review and its forms: reviewers, submit, approve, request changes, comment, complete. */
public record ReviewHandlers(Reviews reviews, ReviewViews views, Templates pages, String siteName) {

    public void show(Context ctx) {
        render(ctx, Typed.NOTHING, Map.of());
    }

    public void nameReviewers(Context ctx) {
        List<String> chosen = ctx.formParams("reviewer");
        act(ctx, Typed.NOTHING, (id, version) -> reviews.nameReviewers(StaffGuard.user(ctx), id, version, chosen));
    }

    public void submit(Context ctx) {
        act(ctx, Typed.NOTHING, (id, version) -> reviews.submit(StaffGuard.user(ctx), id, version));
    }

    public void approve(Context ctx) {
        act(ctx, Typed.NOTHING, (id, version) -> reviews.approve(StaffGuard.user(ctx), id, version));
    }

    public void requestChanges(Context ctx) {
        String note = ReviewRequests.text(ctx, "note");
        act(ctx, new Typed("", "", note),
                (id, version) -> reviews.requestChanges(StaffGuard.user(ctx), id, version, note));
    }

    public void complete(Context ctx) {
        act(ctx, Typed.NOTHING, (id, version) -> reviews.complete(StaffGuard.user(ctx), id, version));
    }

    /** Comments carry no version: a comment never overwrites anyone's work. */
    public void comment(Context ctx) {
        long id = ReviewRequests.pathId(ctx, "id");
        Typed typed = new Typed(ReviewRequests.text(ctx, "body"), ReviewRequests.text(ctx, "section"), "");
        Refusal refusal = ReviewRequests.attempt(ctx, page(id) + "#comments",
                () -> reviews.comment(StaffGuard.user(ctx), id, typed.section(), typed.comment()));
        showAgain(ctx, refusal, typed);
    }

    private interface Change {
        void run(long id, long version);
    }

    private void act(Context ctx, Typed typed, Change change) {
        long id = ReviewRequests.pathId(ctx, "id");
        showAgain(ctx, ReviewRequests.attempt(ctx, page(id), () -> change.run(id, ReviewRequests.version(ctx))), typed);
    }

    private void showAgain(Context ctx, Refusal refusal, Typed typed) {
        if (refusal != null) {
            ctx.status(refusal.status());
            render(ctx, typed, refusal.errors());
        }
    }

    private void render(Context ctx, Typed typed, Map<String, String> errors) {
        long id = ReviewRequests.pathId(ctx, "id");
        pages.page(ctx, "postmortems/review.jte", views.review(Frame.of(siteName, ctx),
                StaffGuard.canEdit(ctx), reviews.load(StaffGuard.user(ctx), id), typed, errors));
    }

    private static String page(long id) {
        return "/console/postmortems/" + id + "/review";
    }
}
