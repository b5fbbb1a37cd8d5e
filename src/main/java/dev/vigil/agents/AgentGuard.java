package dev.vigil.agents;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

/**
 * The door to the agents' endpoints under /api/v1/agent/ (issue 11): "Authorization: Bearer" with a live agent
 * token. API tokens and session cookies count for nothing here, and agent tokens count for nothing elsewhere.
 */
public final class AgentGuard {
    private static final String TOKEN_ATTRIBUTE = "vigil.agent-token";
    private static final String BEARER = "Bearer ";

    private final AgentTokens tokens;

    public AgentGuard(AgentTokens tokens) {
        this.tokens = tokens;
    }

    public void requireAgent(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedResponse("Send the agent's token in the header Authorization: Bearer <token>. "
                    + "Admins create agent tokens in the console under Agents.");
        }
        AgentToken token = tokens.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> new UnauthorizedResponse("This agent token is not valid, or it has been revoked."));
        ctx.attribute(TOKEN_ATTRIBUTE, token);
    }

    /** The token of a request that passed {@link #requireAgent}. */
    static AgentToken agent(Context ctx) {
        AgentToken token = ctx.attribute(TOKEN_ATTRIBUTE);
        if (token == null) {
            throw new IllegalStateException("agent route without the agent guard: " + ctx.path());
        }
        return token;
    }
}
