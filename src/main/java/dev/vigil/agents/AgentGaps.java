package dev.vigil.agents;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for the results agents had to drop (issue 11): no data for that time at that location. */
final class AgentGaps {

    /** Records the gap once: the same gap reported again (a batch sent twice) is the same row. */
    void record(Handle handle, String location, ResultBatch.Gap gap, Instant now) {
        handle.createUpdate("""
                INSERT INTO agent_gaps (location, dropped, from_at, until_at, reported_at)
                VALUES (:location, :dropped, :from, :until, :now)
                ON CONFLICT (location, from_at) DO NOTHING""")
                .bind("location", location).bind("dropped", gap.count()).bind("from", gap.from().toEpochMilli())
                .bind("until", gap.until().toEpochMilli()).bind("now", now.toEpochMilli())
                .execute();
    }

    long count(Handle handle, String location) {
        return handle.createQuery("SELECT COALESCE(SUM(dropped), 0) FROM agent_gaps WHERE location = :location")
                .bind("location", location).mapTo(Long.class).one();
    }
}
