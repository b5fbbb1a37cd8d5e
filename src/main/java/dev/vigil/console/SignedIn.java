package dev.vigil.console;

import io.javalin.http.Context;

/**
 * Who is signed in on a console request, as the staff guard found it: what every console page
 * shows in its frame and menu. The guard puts it on the request; pages only read it.
 */
public record SignedIn(long userId, String name, Role role, String csrfToken) {
    private static final String ATTRIBUTE = "vigil.signed-in";

    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The person of a request that passed the staff guard. */
    public static SignedIn of(Context ctx) {
        SignedIn signedIn = ctx.attribute(ATTRIBUTE);
        if (signedIn == null) {
            throw new IllegalStateException("console route without the staff guard: " + ctx.path());
        }
        return signedIn;
    }
}
