package dev.vigil.agents;

import java.util.Map;

/**
 * A batch of results refused as a whole, before anything of it was written (issue 11): 400 when it cannot be
 * read, 403 when it is sent for another location, 422 when it reads but cannot be true (a probe the location
 * does not run, a time in the future, a result twice). fields names each wrong result and says why; may be null.
 */
final class BatchRefused extends RuntimeException {
    private final int status;
    private final Map<String, String> fields;

    BatchRefused(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = fields == null ? null : Map.copyOf(fields);
    }

    int status() {
        return status;
    }

    Map<String, String> fields() {
        return fields;
    }
}
