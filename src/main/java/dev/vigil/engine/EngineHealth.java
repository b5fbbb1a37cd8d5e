package dev.vigil.engine;

import java.time.Duration;
import java.util.Map;

/**
 * The probe engine over the last minute, as /health reports it.
 *
 * @param lagP50Ms median start lag of the checks started in the last minute: how long each waited on Vigil
 *     itself (its timer, the overall in-flight limit), from when it fell due or from when its own target let
 *     it go (its previous check ended, its host had a free slot)
 * @param checksStarted checks started in the last minute
 * @param skipped checks skipped in the last minute, by reason (every reason present, 0 when none)
 * @param unrecorded results of the last minute dropped because too many waited for the database (each is
 *     recorded later as no data, see {@link ResultBuffer})
 */
public record EngineHealth(long lagP50Ms, long lagP99Ms, long lagMaxMs, int checksStarted,
        Map<SkipReason, Integer> skipped, int unrecorded, int inFlight, int waiting) {

    /**
     * Vigil is behind when the checks of the last minute started more than this late (p99), when any was
     * skipped for a reason of Vigil's own ({@link SkipReason#vigilBehind()}), or when results were dropped
     * because too many waited for the database.
     * Targets that are slow cost their own checks, not Vigil's health.
     */
    public static final Duration BEHIND_LAG_P99 = Duration.ofSeconds(2);

    public EngineHealth {
        skipped = Map.copyOf(skipped);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean behind() {
        boolean ownSkips = skipped.entrySet().stream().anyMatch(e -> e.getKey().vigilBehind() && e.getValue() > 0);
        return lagP99Ms > BEHIND_LAG_P99.toMillis() || ownSkips || unrecorded > 0;
    }
}
