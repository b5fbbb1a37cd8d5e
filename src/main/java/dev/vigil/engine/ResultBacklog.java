package dev.vigil.engine;

/**
 * The results waiting for the database, as /health reports them (issue 11).
 *
 * @param waiting results not yet written
 * @param oldestAgeMs how long the oldest of them has waited
 * @param dropped results dropped since start because the buffer was full (each recorded later as no data)
 * @param bound the most that wait before the oldest are dropped
 * @param failure why results cannot be written now ("database is locked", "disk full"); null while they can
 * @param failingForMs since when they cannot, in milliseconds; 0 while they can
 */
public record ResultBacklog(int waiting, long oldestAgeMs, long dropped, int bound, String failure,
        long failingForMs) {

    /** Nothing waits and nothing fails: what a fresh engine reports. */
    public static ResultBacklog empty(int bound) {
        return new ResultBacklog(0, 0, 0, bound, null, 0);
    }

    public boolean failing() {
        return failure != null;
    }

    /** The sentence for /health, such as "cannot write results for 12 s: database is locked". */
    public String sentence() {
        return failing() ? "cannot write results for " + failingForMs / 1000 + " s: " + failure : "ok";
    }
}
