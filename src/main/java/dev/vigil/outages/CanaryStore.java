package dev.vigil.outages;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the canary (issue 11): the check of Vigil's own connectivity that runs at every location. One failed
 * canary check makes its location inconclusive until a canary check there passes again; a flip is a row. Callers
 * own the transaction.
 */
final class CanaryStore {

    /** A change of the canary at a location. */
    record Change(String location, Instant at, boolean failing, String reason) {}

    /**
     * Applies a canary result of a location; returns true when the canary flipped there (failing or passing
     * again). A result no newer than the last one applied (sent again) changes nothing; a skipped check neither.
     */
    boolean record(Handle handle, String location, CheckResult result) {
        if (result.outcome() == Outcome.SKIPPED) {
            return false;
        }
        Optional<Instant> last = lastCheckedAt(handle, location);
        if (last.isPresent() && !result.startedAt().isAfter(last.get())) {
            return false;
        }
        long at = result.startedAt().toEpochMilli();
        int updated = handle.createUpdate("UPDATE canary_checks SET last_checked_at = :at WHERE location = :location")
                .bind("at", at).bind("location", location).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO canary_checks (location, last_checked_at) VALUES (:location, :at)")
                    .bind("at", at).bind("location", location).execute();
        }
        boolean failing = result.outcome() == Outcome.DOWN;
        boolean wasFailing = latest(handle, location, result.startedAt()).map(Change::failing).orElse(false);
        if (failing == wasFailing) {
            return false;
        }
        handle.createUpdate("""
                INSERT INTO canary_changes (location, at, failing, reason) VALUES (:location, :at, :failing, :reason)""")
                .bind("location", location).bind("at", at).bind("failing", failing ? 1 : 0)
                .bind("reason", result.reason() == null ? (failing ? "check failed" : "OK") : result.reason())
                .execute();
        return true;
    }

    /**
     * Whether the canary was failing at this location at this time: its last change by then says so, and it
     * had reported within silentAfter of that time (a canary that went quiet, or was removed, proves nothing).
     */
    boolean failingAt(Handle handle, String location, Instant at, Duration silentAfter) {
        Optional<Change> latest = latest(handle, location, at);
        if (latest.isEmpty() || !latest.get().failing()) {
            return false;
        }
        return lastCheckedAt(handle, location).map(last -> !last.plus(silentAfter).isBefore(at)).orElse(false);
    }

    /** The locations whose canary fails now. */
    Set<String> failingNow(Handle handle, Instant now, Duration silentAfter) {
        Set<String> failing = new LinkedHashSet<>();
        List<String> locations = handle.createQuery("SELECT location FROM canary_checks ORDER BY location")
                .mapTo(String.class).list();
        for (String location : locations) {
            if (failingAt(handle, location, now, silentAfter)) {
                failing.add(location);
            }
        }
        return failing;
    }

    Optional<Change> latest(Handle handle, String location, Instant atOrBefore) {
        return handle.createQuery("""
                        SELECT * FROM canary_changes WHERE location = :location AND at <= :at
                         ORDER BY at DESC, id DESC LIMIT 1""")
                .bind("location", location).bind("at", atOrBefore.toEpochMilli())
                .map((rs, ctx) -> new Change(rs.getString("location"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getInt("failing") == 1, rs.getString("reason")))
                .findOne();
    }

    private Optional<Instant> lastCheckedAt(Handle handle, String location) {
        return handle.createQuery("SELECT last_checked_at FROM canary_checks WHERE location = :location")
                .bind("location", location).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }
}
