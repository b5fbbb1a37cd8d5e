package dev.vigil.agents;

import dev.vigil.db.Database;
import dev.vigil.outages.OutageService;
import dev.vigil.probes.CheckResult;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints probe agents call (issue 11), behind {@link AgentGuard}: GET /api/v1/agent/probes hands an agent
 * the probes of its location, with an ETag so that an unchanged answer is a 304; POST /api/v1/agent/results takes
 * a batch of its results, checks it whole, and records it once however often it is sent.
 */
public final class AgentApi {
    private static final Logger log = LoggerFactory.getLogger(AgentApi.class);

    private final Assignments assignments;
    private final OutageService outages;
    private final Database database;
    private final AgentGaps gaps = new AgentGaps();
    private final Clock clock;

    public AgentApi(Assignments assignments, OutageService outages, Database database, Clock clock) {
        this.assignments = assignments;
        this.outages = outages;
        this.database = database;
        this.clock = clock;
    }

    /** GET /api/v1/agent/probes?location=NAME. */
    public void probes(Context ctx) {
        AgentToken agent = AgentGuard.agent(ctx);
        String asked = ctx.queryParam("location");
        if (asked != null && !asked.equals(agent.location())) {
            ApiErrors.write(ctx, 403, "This agent's token is for the location " + agent.location() + ", not " + asked
                    + ".", null);
            return;
        }
        Map<String, Object> json = assignments.json(agent.location());
        String etag = "\"" + json.get("version") + "\"";
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.header("Cache-Control", "no-store");
            ctx.status(304);
            return;
        }
        JsonResponse.send(ctx, 200, json);
    }

    /** POST /api/v1/agent/results: 200 with what was new, or a 4xx that names what is wrong and records nothing. */
    public void results(Context ctx) {
        AgentToken agent = AgentGuard.agent(ctx);
        try {
            ResultBatch batch = ResultBatch.parse(ctx.body());
            Instant now = clock.instant();
            batch.check(agent.location(), assignments.idsAt(agent.location()), now);
            Map<String, Duration> intervals = assignments.intervalsAt(agent.location());
            List<CheckResult> results = batch.results().stream()
                    .map(r -> r.every(intervals.getOrDefault(r.probeId(), r.interval()))).toList();
            OutageService.Recorded recorded = outages.recordFromLocation(agent.location(), results);
            if (batch.dropped() != null) {
                recordGap(agent.location(), batch.dropped(), now);
            }
            JsonResponse.send(ctx, 200, answer(recorded, agent.location()));
        } catch (BatchRefused refused) {
            log.info("A batch of the agent at {} was refused ({}): {}", agent.location(), refused.status(),
                    refused.fields() == null ? refused.getMessage() : refused.fields());
            ApiErrors.write(ctx, refused.status(), refused.getMessage(), refused.fields());
        }
    }

    private void recordGap(String location, ResultBatch.Gap gap, Instant now) {
        log.warn("The agent at {} dropped {} results from {} to {} while it could not reach Vigil: no data for that "
                + "time there", location, gap.count(), gap.from(), gap.until());
        database.write(handle -> {
            gaps.record(handle, location, gap, now);
            return null;
        });
    }

    private Map<String, Object> answer(OutageService.Recorded recorded, String location) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", recorded.recorded() == 0 && recorded.alreadyRecorded() > 0 ? "already recorded" : "recorded");
        json.put("recorded", recorded.recorded());
        json.put("already_recorded", recorded.alreadyRecorded());
        // The agent fetches its probes again at once when this differs from the version it runs.
        json.put("probes_version", assignments.version(location));
        return json;
    }
}
