package dev.vigil.agents;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/agents, for admins (issue 11): list the agent tokens, create one (its secret is in that answer only),
 * revoke one. The same as the console's Agents page.
 */
public record AgentAdminApi(AgentTokens tokens, TimeFormat times) {
    static final List<String> FIELDS = List.of("name", "location");

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("agents", tokens.all().stream().map(this::view).toList()));
    }

    /** POST /api/v1/agents {"name", "location"}: 201 with the token, shown this once. */
    public void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, FIELDS);
        String name = body.text("name");
        String location = body.text("location");
        body.throwIfInvalid();
        AgentTokens.Created created = tokens.create(ApiGuard.token(ctx).actor(), null, name, location);
        Map<String, Object> json = view(created.token());
        json.put("token", created.secret());
        ctx.header("Location", ApiErrors.BASE + "/agents/" + created.token().id());
        JsonResponse.send(ctx, 201, json);
    }

    /** DELETE /api/v1/agents/{id}: revoked at once; 200 with the revoked token (again for one revoked before). */
    public void revoke(Context ctx) {
        long id = PathIds.id(ctx, "agent token");
        AgentToken revoked = tokens.revoke(ApiGuard.token(ctx).actor(), id)
                .orElseThrow(() -> PathIds.noSuch("agent token", id));
        JsonResponse.send(ctx, 200, view(revoked));
    }

    private Map<String, Object> view(AgentToken t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(t.id()));
        json.put("name", t.name());
        json.put("location", t.location());
        json.put("created_by", t.createdBy());
        json.put("created_at", times.iso(t.createdAt()));
        json.put("last_seen_at", times.iso(t.lastSeenAt()));
        json.put("revoked_at", times.iso(t.revokedAt()));
        json.put("state", t.revoked() ? "revoked" : "active");
        return json;
    }
}
