package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the settings of probes made in the console (issue 3): what vigil.yml holds for its own
 * probes, one row per probe. Callers own the transaction.
 */
public final class ProbeSettingsStore {

    /** Stores the settings of a console probe, replacing any it had. */
    public void save(Handle handle, ProbeConfig probe, Instant now) {
        HttpTarget http = probe.http();
        delete(handle, probe.id());
        handle.createUpdate("""
                INSERT INTO probe_settings (probe_id, url, interval_ms, timeout_ms, connect_timeout_ms, max_body_bytes,
                       expect_status, body_contains, max_latency_ms, failures_to_open, successes_to_close, updated_at)
                VALUES (:id, :url, :interval, :timeout, :connect, :maxBody, :status, :body, :latency, :failures,
                       :successes, :now)""")
                .bind("id", probe.id()).bind("url", http.url().toString())
                .bind("interval", probe.interval().toMillis()).bind("timeout", probe.timeout().toMillis())
                .bind("connect", http.connectTimeout().toMillis()).bind("maxBody", http.maxBodyBytes())
                .bind("status", http.expect().status().single().orElseThrow()).bind("body", http.expect().bodyContains())
                .bind("latency", http.expect().maxLatency() == null ? null : http.expect().maxLatency().toMillis())
                .bind("failures", probe.failuresToOpen()).bind("successes", probe.successesToClose())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    public void delete(Handle handle, String probeId) {
        handle.createUpdate("DELETE FROM probe_settings WHERE probe_id = :id").bind("id", probeId).execute();
    }

    /** The console probes that are not retired, in id order. */
    public List<ProbeConfig> active(Handle handle) {
        return handle.createQuery("""
                SELECT s.*, p.component_id FROM probe_settings s JOIN probes p ON p.id = s.probe_id
                 WHERE p.retired_at IS NULL AND p.source = 'console' ORDER BY s.probe_id""")
                .map((rs, ctx) -> probe(rs))
                .list();
    }

    public Optional<ProbeConfig> findActive(Handle handle, String probeId) {
        return active(handle).stream().filter(p -> p.id().equals(probeId)).findFirst();
    }

    private static ProbeConfig probe(ResultSet rs) throws SQLException {
        long latency = rs.getLong("max_latency_ms");
        Duration maxLatency = rs.wasNull() ? null : Duration.ofMillis(latency);
        HttpTarget target = new HttpTarget(URI.create(rs.getString("url")),
                Duration.ofMillis(rs.getLong("connect_timeout_ms")), rs.getLong("max_body_bytes"),
                new HttpTarget.Expectation(rs.getInt("expect_status"), rs.getString("body_contains"), maxLatency));
        Duration interval = Duration.ofMillis(rs.getLong("interval_ms"));
        // Console probes are HTTP probes checked from the server, retried at the default pace.
        return new ProbeConfig(rs.getString("probe_id"), rs.getString("component_id"), target, interval,
                Duration.ofMillis(rs.getLong("timeout_ms")), ProbeConfig.defaultRetryInterval(interval),
                rs.getInt("failures_to_open"), rs.getInt("successes_to_close"), ProbeLocations.SERVER_ONLY);
    }
}
