package dev.vigil.app;

import dev.vigil.db.Database;
import dev.vigil.engine.EngineHealth;
import dev.vigil.engine.ProbeEngine;
import dev.vigil.engine.ResultBacklog;
import dev.vigil.engine.SkipReason;
import dev.vigil.schedule.Scheduler;
import dev.vigil.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vigil's own health: 200 when the database answers and takes the probes' results, the scheduler runs and the
 * probes keep their schedule; 503 otherwise ("unhealthy", or "behind" when only the probes fall behind, see
 * {@link EngineHealth#behind()}). While results cannot be written (issue 11) "database" and "reason" say why
 * and since when, and the "results" block says how many wait in memory.
 */
record HealthHandler(Database database, Scheduler scheduler, ProbeEngine probes) {

    /** What /health answers: its status code and its JSON body. */
    record Report(int status, Map<String, Object> body) {}

    public void check(Context ctx) {
        Report report = report(database.isReachable(), scheduler.isRunning(), probes.health(), probes.results());
        ctx.header("Cache-Control", "no-store");
        ctx.status(HttpStatus.forStatus(report.status()));
        ctx.contentType("application/json").result(Json.write(report.body()));
    }

    static Report report(boolean databaseOk, boolean schedulerOk, EngineHealth probes) {
        return report(databaseOk, schedulerOk, probes, ResultBacklog.empty(0));
    }

    static Report report(boolean databaseOk, boolean schedulerOk, EngineHealth probes, ResultBacklog results) {
        boolean healthy = databaseOk && schedulerOk && !results.failing();
        boolean behind = probes.behind();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !healthy ? "unhealthy" : behind ? "behind" : "ok");
        // Why results cannot be written says more than "unreachable", which is all a failed SELECT 1 tells.
        String database = results.failing() ? results.sentence() : databaseOk ? "ok" : "unreachable";
        body.put("database", database);
        if (!database.equals("ok")) {
            body.put("reason", "database: " + database);
        }
        body.put("scheduler", schedulerOk ? "running" : "stopped");
        body.put("probes", probesBody(probes));
        body.put("results", resultsBody(results));
        return new Report(healthy && !behind ? 200 : 503, body);
    }

    private static Map<String, Object> resultsBody(ResultBacklog results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", results.failing() ? "waiting" : "ok");
        body.put("buffered", results.waiting());
        body.put("oldest_age_ms", results.oldestAgeMs());
        body.put("dropped", results.dropped());
        body.put("buffer_bound", results.bound());
        if (results.failing()) {
            body.put("failing_for_ms", results.failingForMs());
            body.put("failure", results.failure());
        }
        return body;
    }

    private static Map<String, Object> probesBody(EngineHealth probes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", probes.behind() ? "behind" : "ok");
        body.put("lag_p50_ms", probes.lagP50Ms());
        body.put("lag_p99_ms", probes.lagP99Ms());
        body.put("lag_max_ms", probes.lagMaxMs());
        body.put("behind_above_lag_p99_ms", EngineHealth.BEHIND_LAG_P99.toMillis());
        body.put("checks_last_minute", probes.checksStarted());
        body.put("skipped_last_minute", probes.skippedTotal());
        Map<String, Object> byReason = new LinkedHashMap<>();
        for (SkipReason reason : SkipReason.values()) {
            byReason.put(reason.key(), probes.skipped().getOrDefault(reason, 0));
        }
        body.put("skipped_by_reason", byReason);
        body.put("unrecorded_last_minute", probes.unrecorded());
        body.put("in_flight", probes.inFlight());
        body.put("waiting", probes.waiting());
        return body;
    }
}
