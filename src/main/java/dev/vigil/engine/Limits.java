package dev.vigil.engine;

/**
 * How many checks may be in flight at once, overall and per target host:port. A check counts from its start
 * until its result is queued for the database; the queue has a bound of its own (see {@link ResultBuffer}).
 */
public record Limits(int overall, int perHost) {
    /** Enough for thousands of probes at their usual intervals; each costs a socket and a little memory. */
    public static final int MAX_IN_FLIGHT = 1_000;
    /** Many probes of one site never open more than this many connections to it at once. */
    public static final int MAX_IN_FLIGHT_PER_HOST = 8;

    public static final Limits STANDARD = new Limits(MAX_IN_FLIGHT, MAX_IN_FLIGHT_PER_HOST);

    public Limits {
        if (overall < 1 || perHost < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }
}
