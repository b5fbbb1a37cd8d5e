package dev.vigil.probes;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong inside the wrappers that futures put around a failure. */
final class Failures {
    private Failures() {}

    static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
