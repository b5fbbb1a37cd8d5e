package dev.vigil.web;

import dev.vigil.errors.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The console's way with refused input: try the change; when it is refused, answer 400 with the
 * same form shown again, the person's values kept and each refused field marked with its message.
 */
public final class RefusedForm {
    private RefusedForm() {}

    /** A change made from a submitted form; it throws {@link InvalidInput} to refuse it. */
    @FunctionalInterface
    public interface Submission {
        void run();
    }

    public static void submit(Context ctx, Submission submission, Consumer<Map<String, String>> showAgain) {
        try {
            submission.run();
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showAgain.accept(e.fields());
        }
    }
}
