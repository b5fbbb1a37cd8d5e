package dev.vigil.heartbeats;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET or POST /ping/{token}, /ping/{token}/start and /ping/{token}/fail (issue 11). The token in the path is the
 * credential, so there is no sign-in and no CSRF token: a cron job's curl has neither. A POST body (some jobs send
 * their output) is not read. The answer is one short line of plain text; an unknown token gets the same 404 as
 * any other missing page.
 */
public record PingHandlers(Heartbeats heartbeats) {
    static final String RECORDED = "OK\n";
    static final String NOT_FOUND = "Not found\n";
    static final String TOO_MANY = "Too many pings: at most " + PingRateLimit.PER_WINDOW
            + " a minute are recorded for one heartbeat. Try again in a minute.\n";
    static final String STARTING = "Vigil is starting. Try again in a few seconds.\n";
    static final String NOT_STORED = "The ping could not be stored. Try again in a few seconds.\n";
    private static final Logger log = LoggerFactory.getLogger(PingHandlers.class);

    public void success(Context ctx) {
        answer(ctx, PingKind.SUCCESS);
    }

    public void start(Context ctx) {
        answer(ctx, PingKind.START);
    }

    public void fail(Context ctx) {
        answer(ctx, PingKind.FAIL);
    }

    private void answer(Context ctx, PingKind kind) {
        ctx.header("Cache-Control", "no-store").contentType("text/plain; charset=utf-8");
        Heartbeats.Answer answer;
        try {
            answer = heartbeats.receive(ctx.pathParam("token"), kind, ctx.ip(), ctx.userAgent());
        } catch (RuntimeException e) {
            // Logged here rather than by the error mapping, whose line would carry the path and so the token.
            log.error("A {} ping could not be stored: {}", kind.key(), e.toString(), e);
            ctx.status(503).header("Retry-After", "5").result(NOT_STORED);
            return;
        }
        switch (answer) {
            case RECORDED -> ctx.status(200).result(RECORDED);
            case UNKNOWN_TOKEN -> ctx.status(404).result(NOT_FOUND);
            case TOO_MANY -> ctx.status(429).header("Retry-After", "60").result(TOO_MANY);
            // 503 and 429 are answers curl --retry tries again; a 404 it would not.
            case STARTING -> ctx.status(503).header("Retry-After", "5").result(STARTING);
        }
    }
}
