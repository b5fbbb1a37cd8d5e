package dev.vigil.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which due checks start now, which wait and which are skipped, within the {@link Limits}. Each probe
 * has at most one check running and one waiting; a waiting check that is still waiting when the probe's next
 * check falls due is skipped with the reason it waited. Waiting checks start first come, first served.
 *
 * <p>Not thread-safe: the engine calls it from its timer thread only. Times are System.nanoTime values.
 */
final class Dispatcher {

    /** A check that fell due. The key stands for one run of a probe (a probe restarted gets a new key). */
    static final class Due {
        final Object key;
        final String host;
        final Instant scheduledAt;
        /** When it fell due, on System.nanoTime. */
        final long dueNanos;
        private long readyNanos;
        private boolean targetBlocked;
        private SkipReason blockedBy;

        Due(Object key, String host, Instant scheduledAt, long dueNanos) {
            this.key = key;
            this.host = host;
            this.scheduledAt = scheduledAt;
            this.dueNanos = dueNanos;
            this.readyNanos = dueNanos;
        }
    }

    /** What to do with a due check. */
    sealed interface Decision permits Start, Skip {}

    /**
     * @param vigilLagNanos how long it waited on Vigil itself: since it fell due, or since its target (its own
     *     previous check, its host's limit) let it go
     */
    record Start(Due due, long vigilLagNanos) implements Decision {}

    record Skip(Due due, SkipReason reason) implements Decision {}

    private final Limits limits;
    private final List<Due> waiting = new LinkedList<>();
    private final Map<Object, Due> waitingByKey = new HashMap<>();
    private final Set<Object> running = new HashSet<>();
    private final Map<String, Integer> runningByHost = new HashMap<>();

    Dispatcher(Limits limits) {
        this.limits = limits;
    }

    /** A check fell due: it starts now if it may; an older one of the same probe still waiting is skipped. */
    List<Decision> due(Due due, long nowNanos) {
        List<Decision> decisions = new ArrayList<>();
        Due older = waitingByKey.remove(due.key);
        if (older != null) {
            waiting.remove(older);
            decisions.add(new Skip(older, older.blockedBy));
        }
        waiting.add(due);
        waitingByKey.put(due.key, due);
        startWhatMay(nowNanos, decisions);
        return decisions;
    }

    /** A started check of this key was recorded: its slots are free again. */
    List<Decision> finished(Object key, String host, long nowNanos) {
        if (running.remove(key)) {
            runningByHost.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
        }
        List<Decision> decisions = new ArrayList<>();
        startWhatMay(nowNanos, decisions);
        return decisions;
    }

    /** The probe stopped: its waiting check is dropped; one running finishes and is recorded as usual. */
    void forget(Object key) {
        Due older = waitingByKey.remove(key);
        if (older != null) {
            waiting.remove(older);
        }
    }

    /** Drops every waiting check, for Vigil stopping; returns how many there were. */
    int dropWaiting() {
        int dropped = waiting.size();
        waiting.clear();
        waitingByKey.clear();
        return dropped;
    }

    int inFlight() {
        return running.size();
    }

    int waiting() {
        return waiting.size();
    }

    private void startWhatMay(long nowNanos, List<Decision> decisions) {
        for (Iterator<Due> it = waiting.iterator(); it.hasNext(); ) {
            Due due = it.next();
            SkipReason block = blockOf(due);
            if (block == SkipReason.PREVIOUS_RUNNING || block == SkipReason.HOST_LIMIT) {
                due.targetBlocked = true;
                due.blockedBy = block;
                continue;
            }
            if (due.targetBlocked) {
                // The target let it go just now: from here on, any wait is Vigil's.
                due.targetBlocked = false;
                due.readyNanos = nowNanos;
            }
            if (block == SkipReason.IN_FLIGHT_LIMIT) {
                due.blockedBy = block;
                markTheRestBlockedOverall(it);
                return;
            }
            it.remove();
            waitingByKey.remove(due.key);
            running.add(due.key);
            runningByHost.merge(due.host, 1, Integer::sum);
            decisions.add(new Start(due, Math.max(0, nowNanos - due.readyNanos)));
        }
    }

    private static void markTheRestBlockedOverall(Iterator<Due> rest) {
        while (rest.hasNext()) {
            Due due = rest.next();
            if (!due.targetBlocked) {
                due.blockedBy = SkipReason.IN_FLIGHT_LIMIT;
            }
        }
    }

    private SkipReason blockOf(Due due) {
        if (running.contains(due.key)) {
            return SkipReason.PREVIOUS_RUNNING;
        }
        if (runningByHost.getOrDefault(due.host, 0) >= limits.perHost()) {
            return SkipReason.HOST_LIMIT;
        }
        if (running.size() >= limits.overall()) {
            return SkipReason.IN_FLIGHT_LIMIT;
        }
        return null;
    }
}
