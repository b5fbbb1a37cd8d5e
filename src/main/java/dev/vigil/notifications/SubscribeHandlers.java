package dev.vigil.notifications;

import dev.vigil.accounts.FormTokens;
import dev.vigil.errors.InvalidInput;
import dev.vigil.notifications.NotificationPages.Choice;
import dev.vigil.notifications.NotificationPages.Form;
import dev.vigil.notifications.NotificationPages.LinkPage;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public subscription pages: subscribe (email or webhook), confirm, unsubscribe. They work
 * without JavaScript and without an account. The subscribe forms carry a double-submit CSRF token;
 * the confirm and unsubscribe buttons are authorised by the secret token in their URL instead,
 * because mail programs post the one-click unsubscribe (RFC 8058) without any cookie.
 */
public record SubscribeHandlers(Subscriptions subscriptions, FormTokens formTokens, Templates templates, Links links,
        String siteName) {

    private static final String LINK_TEMPLATE = "notifications/link.jte";

    /** GET /subscribe */
    public void show(Context ctx) {
        String notice = "email".equals(ctx.queryParam("sent"))
                ? "Almost done: we sent you a mail with a link to confirm. It works for "
                        + TimeFormat.duration(Subscriptions.CONFIRM_LINK_LIFE) + "."
                : null;
        showForms(ctx, Form.EMPTY, Form.EMPTY, notice);
    }

    /** POST /subscribe/email: queues the confirmation mail, then back to the page (post, redirect, get). */
    public void subscribeEmail(Context ctx) {
        FormTokens.check(ctx);
        List<String> chosen = ctx.formParams("component");
        try {
            subscriptions.subscribeEmail(ctx.formParam("email"), chosen, ctx.ip());
            ctx.redirect("/subscribe?sent=email", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showForms(ctx, new Form(value(ctx, "email"), new LinkedHashSet<>(chosen), e.fields()), Form.EMPTY, null);
        } catch (Subscriptions.TooManyRequests e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            showForms(ctx, new Form(value(ctx, "email"), new LinkedHashSet<>(chosen), Map.of("email", e.getMessage())),
                    Form.EMPTY, null);
        }
    }

    /** POST /subscribe/webhook: the answer shows the signing secret, once, so it is not redirected. */
    public void subscribeWebhook(Context ctx) {
        FormTokens.check(ctx);
        List<String> chosen = ctx.formParams("component");
        try {
            Subscriptions.WebhookSubscription created = subscriptions.subscribeWebhook(ctx.formParam("url"), chosen,
                    ctx.ip());
            templates.page(ctx, "notifications/webhook-subscribed.jte", new NotificationPages.WebhookSubscribed(
                    siteName, created.url(), created.secret(), Signatures.HEADER,
                    links.unsubscribe(created.unsubscribeToken())));
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showForms(ctx, Form.EMPTY, new Form(value(ctx, "url"), new LinkedHashSet<>(chosen), e.fields()), null);
        } catch (Subscriptions.TooManyRequests e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            showForms(ctx, Form.EMPTY, new Form(value(ctx, "url"), new LinkedHashSet<>(chosen),
                    Map.of("url", e.getMessage())), null);
        }
    }

    /** GET /subscribe/confirm/{token}: a button, because mail scanners open links and must not confirm. */
    public void showConfirm(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Subscriber> subscriber = subscriptions.awaitingConfirmation(token);
        if (subscriber.isEmpty()) {
            expiredConfirmation(ctx);
            return;
        }
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "Confirm your subscription",
                "Send status updates of " + siteName + " to " + Masks.email(subscriber.get().target()) + "?",
                "/subscribe/confirm/" + token, "Confirm"));
    }

    /** POST /subscribe/confirm/{token} */
    public void confirm(Context ctx) {
        if (!subscriptions.confirm(ctx.pathParam("token"))) {
            expiredConfirmation(ctx);
            return;
        }
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "You are subscribed",
                "You will get a mail when we post an update about an incident. Every mail has a link to "
                        + "unsubscribe with one click.", null, null));
    }

    /** GET /unsubscribe/{token}: a button, because mail scanners open links and must not unsubscribe. */
    public void showUnsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Subscriber> subscriber = subscriptions.byUnsubscribeToken(token);
        if (subscriber.isEmpty()) {
            unknownUnsubscribe(ctx);
            return;
        }
        if (!subscriber.get().active()) {
            unsubscribed(ctx);
            return;
        }
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "Unsubscribe",
                "Stop sending status updates of " + siteName + " to "
                        + Masks.target(subscriber.get().channel(), subscriber.get().target()) + "?",
                "/unsubscribe/" + token, "Unsubscribe"));
    }

    /** POST /unsubscribe/{token}, from the page's button or a mail program's one-click request. */
    public void unsubscribe(Context ctx) {
        if (subscriptions.unsubscribe(ctx.pathParam("token")).isEmpty()) {
            unknownUnsubscribe(ctx);
            return;
        }
        unsubscribed(ctx);
    }

    private void unsubscribed(Context ctx) {
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "You are unsubscribed",
                "You will get no more status updates from us. You can subscribe again at any time.", null, null));
    }

    private void expiredConfirmation(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "This link no longer works",
                "A confirmation link works once, for " + TimeFormat.duration(
                        Subscriptions.CONFIRM_LINK_LIFE) + ". If you have not confirmed yet, subscribe again "
                        + "for a new link.", null, null));
    }

    private void unknownUnsubscribe(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        templates.page(ctx, LINK_TEMPLATE, new LinkPage(siteName, "This link is not known",
                "Check that the whole link was copied from the message.", null, null));
    }

    private void showForms(Context ctx, Form email, Form webhook, String notice) {
        List<Choice> choices = subscriptions.choices().stream()
                .map(c -> new Choice(c.id(), c.name(), c.groupName())).toList();
        templates.page(ctx, "notifications/subscribe.jte", new NotificationPages.Subscribe(siteName,
                formTokens.issue(ctx), subscriptions.emailAvailable(), choices, email, webhook, notice));
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
