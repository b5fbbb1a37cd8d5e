package dev.vigil.accounts;

import dev.vigil.console.Role;
import dev.vigil.web.OpenApiDocument;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;

/**
 * The door to the admin API: every request needs "Authorization: Bearer" and a live API token.
 * Session cookies count for nothing here, so a browser cannot be tricked into calling the API
 * and no CSRF token is needed.
 */
public final class ApiGuard {
    private static final String TOKEN_ATTRIBUTE = "vigil.api-token";
    private static final String BEARER = "Bearer ";
    /** The probe agents' endpoints; not the admin's /api/v1/agents, which needs an API token like the rest. */
    public static final String AGENT_PATHS = "/api/v1/agent/";

    private final ApiTokens tokens;

    public ApiGuard(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Runs before every admin API route, and before the API's unknown paths, so those reveal nothing.
     * Only reading the API's description passes without a token: it describes, it holds no data.
     */
    public void requireToken(Context ctx) {
        if (ctx.method() == HandlerType.GET && ctx.path().equals(OpenApiDocument.PATH)) {
            return;
        }
        if (ctx.path().startsWith(AGENT_PATHS)) {
            return; // probe agents' endpoints (issue 11): their own guard asks for an agent token instead
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedResponse("Send an API token in the header Authorization: Bearer <token>. "
                    + "Admins create tokens in the console under API tokens.");
        }
        ApiToken token = tokens.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> new UnauthorizedResponse("This API token is not valid, or it has been revoked."));
        ctx.attribute(TOKEN_ATTRIBUTE, token);
    }

    /** The token of a request that passed {@link #requireToken}. */
    public static ApiToken token(Context ctx) {
        ApiToken token = ctx.attribute(TOKEN_ATTRIBUTE);
        if (token == null) {
            throw new IllegalStateException("API route without the API guard: " + ctx.path());
        }
        return token;
    }

    /** Wraps a handler so that only tokens with at least the given role reach it. */
    public static Handler allow(Role role, Handler handler) {
        return ctx -> {
            Role has = token(ctx).role();
            if (!has.includes(role)) {
                throw new ForbiddenResponse("This needs a token with the " + role.key() + " role; this token has the "
                        + has.key() + " role.");
            }
            handler.handle(ctx);
        };
    }
}
