package dev.vigil.app;

import dev.vigil.db.Database;
import dev.vigil.schedule.Scheduler;
import dev.vigil.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Vigil's own health: 200 when the database answers and the scheduler runs, 503 otherwise. */
record HealthHandler(Database database, Scheduler scheduler) {

    public void check(Context ctx) {
        boolean databaseOk = database.isReachable();
        boolean schedulerOk = scheduler.isRunning();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseOk && schedulerOk ? "ok" : "unhealthy");
        body.put("database", databaseOk ? "ok" : "unreachable");
        body.put("scheduler", schedulerOk ? "running" : "stopped");
        ctx.header("Cache-Control", "no-store");
        ctx.status(databaseOk && schedulerOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.contentType("application/json").result(Json.write(body));
    }
}
