package dev.vigil.probes;

import dev.vigil.config.ProbeConfig;
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
        delete(handle, probe.id());
        handle.createUpdate("""
                INSERT INTO probe_settings (probe_id, url, interval_ms, timeout_ms, connect_timeout_ms, max_body_bytes,
                       expect_status, body_contains, max_latency_ms, failures_to_open, successes_to_close, updated_at)
                VALUES (:id, :url, :interval, :timeout, :connect, :maxBody, :status, :body, :latency, :failures,
                       :successes, :now)""")
                .bind("id", probe.id()).bind("url", probe.url().toString())
                .bind("interval", probe.interval().toMillis()).bind("timeout", probe.timeout().toMillis())
                .bind("connect", probe.connectTimeout().toMillis()).bind("maxBody", probe.maxBodyBytes())
                .bind("status", probe.expect().status()).bind("body", probe.expect().bodyContains())
                .bind("latency", probe.expect().maxLatency() == null ? null : probe.expect().maxLatency().toMillis())
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
        return new ProbeConfig(rs.getString("probe_id"), rs.getString("component_id"), "http",
                URI.create(rs.getString("url")), Duration.ofMillis(rs.getLong("interval_ms")),
                Duration.ofMillis(rs.getLong("timeout_ms")), Duration.ofMillis(rs.getLong("connect_timeout_ms")),
                new ProbeConfig.Expectation(rs.getInt("expect_status"), rs.getString("body_contains"), maxLatency),
                rs.getInt("failures_to_open"), rs.getInt("successes_to_close"), rs.getLong("max_body_bytes"));
    }
}
