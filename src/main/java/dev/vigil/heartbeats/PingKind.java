package dev.vigil.heartbeats;

import java.util.Locale;

/** What a ping says: the job started a run, finished it well, or failed it. */
public enum PingKind {
    START,
    SUCCESS,
    FAIL;

    /** As stored and shown: start, success, fail. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PingKind of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** A success or a fail ends a run; a start only times it. */
    boolean endsRun() {
        return this != START;
    }
}
