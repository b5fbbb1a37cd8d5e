package dev.vigil.notifications;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/v1/subscribers and DELETE /api/v1/subscribers/{id}, for admins. Addresses are masked
 * as in the console: enough to recognise a subscriber, not enough to harvest the list.
 */
public final class SubscriberApi {
    public static final int MAX_LISTED = 500;

    private final Subscriptions subscriptions;
    private final TimeFormat times;

    public SubscriberApi(Subscriptions subscriptions, TimeFormat times) {
        this.subscriptions = subscriptions;
        this.times = times;
    }

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("subscribers",
                subscriptions.active(MAX_LISTED).stream().map(this::view).toList()));
    }

    /** Ends the subscription and cancels what still waits to be sent to it. */
    public void remove(Context ctx) {
        String id = ctx.pathParam("id");
        long subscriberId;
        try {
            subscriberId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw noSuchSubscriber(id);
        }
        if (!subscriptions.remove(subscriberId, ApiGuard.token(ctx).actor())) {
            throw noSuchSubscriber(id);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(204);
    }

    private Map<String, Object> view(Subscriber s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(s.id()));
        json.put("channel", s.channel().key());
        json.put("target", Masks.target(s.channel(), s.target()));
        json.put("component_ids", s.componentIds());
        json.put("confirmed", s.confirmed());
        json.put("created_at", times.iso(s.createdAt()));
        json.put("confirmed_at", times.iso(s.confirmedAt()));
        return json;
    }

    private static NotFound noSuchSubscriber(String id) {
        return new NotFound("There is no subscriber with the id \"" + id + "\"; they may have left already.");
    }
}
