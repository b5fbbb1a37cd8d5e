package dev.vigil.telemetry;

import java.util.Optional;
import java.util.List;
import dev.vigil.db.Database;
import dev.vigil.engine.EngineObserver;
import dev.vigil.engine.ResultSink;
import dev.vigil.probes.CheckResult;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's figures for Prometheus, served at /metrics: each probe up or down and how long its checks take, how
 * late checks start and why some are skipped, the checks by outcome (their rate is the checks per second), the
 * open outages, when each agent was last seen, and the JVM's own figures.
 *
 * <p>Each Vigil has registries of its own, never the client's static default one, so that several Vigils in
 * one JVM (as in the tests) count apart. Nothing here slows the engine: results are counted as they pass to
 * the store ({@link #recording}), engine events through {@link #engineObserver}, and what the store knows
 * (components, open outages) is read at scrape time.
 */
public final class Telemetry {
    /** The Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final Logger log = LoggerFactory.getLogger(Telemetry.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final TelemetryQueries queries;
    private final ProbeMetrics probes;
    private final EngineMetrics engine;
    private final Gauge agentLastSeen;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    /** What the store said at the latest scrape; the per-probe and per-component families read it. */
    private volatile TelemetryQueries.Stored stored = TelemetryQueries.Stored.NOTHING;

    public Telemetry(Database database) {
        this.queries = new TelemetryQueries(database);
        this.probes = new ProbeMetrics(registry, () -> stored.componentByProbe());
        this.engine = new EngineMetrics(registry);
        GaugeWithCallback.builder().name("vigil_outages_open")
                .help("Outages open now, by component (a probe's confirmed failure that has not recovered)")
                .labelNames("component")
                .callback(gauge -> stored.openOutagesByComponent()
                        .forEach((component, open) -> gauge.call(open, component)))
                .register(registry);
        this.agentLastSeen = Gauge.builder().name("vigil_agent_last_seen_timestamp_seconds").unit(Unit.SECONDS)
                .help("When each probe agent last reported to Vigil, in seconds since the Unix epoch")
                .labelNames("location").register(registry);
        registry.register(jvmMetrics());
    }

    /** The sink the engine writes to: counts each batch, then hands it on to the store. */
    public ResultSink recording(ResultSink store) {
        return new ResultSink() {
            @Override
            public void record(List<CheckResult> batch) {
                // Counted once stored: a batch the database could not take is tried again and must count once.
                store.record(batch);
                try {
                    probes.record(batch);
                } catch (RuntimeException e) {
                    // A figure is worth less than a check: whatever goes wrong here, the batch is stored.
                    log.error("{} probe results could not be counted for /metrics: {}", batch.size(), e.toString(), e);
                }
            }

            @Override
            public Optional<String> fault(RuntimeException failure) {
                return store.fault(failure);
            }
        };
    }


    /** Counts the engine's start lags and skipped checks. */
    public EngineObserver engineObserver() {
        return engine;
    }

    /**
     * The agent at this location reported at this time. For the probe agents: call it whenever one checks in;
     * until they exist, vigil_agent_last_seen_timestamp_seconds has no samples.
     */
    public void agentSeen(String location, Instant at) {
        agentLastSeen.labelValues(location).set(at.toEpochMilli() / 1000.0);
    }

    /** The agent at this location was removed: its series goes, rather than ageing forever. */
    public void agentGone(String location) {
        agentLastSeen.remove(location);
    }

    /**
     * Everything, in the Prometheus text format ({@link #CONTENT_TYPE}), gzipped when asked: with 10,000 probes
     * the text runs to megabytes and shrinks about tenfold.
     */
    public byte[] scrape(boolean gzip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes) {
            writer.write(out, snapshots());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One scrape at a time: each reads the store, forgets removed probes, then collects. */
    private synchronized MetricSnapshots snapshots() {
        try {
            stored = queries.read();
        } catch (RuntimeException e) {
            // The JVM's and the engine's figures are worth serving while the database is away; the store's
            // figures stay as they were at the last scrape that could read it.
            log.warn("/metrics could not read the store; serving its previous figures: {}", e.toString());
        }
        probes.keepOnly(stored.componentByProbe().keySet());
        return registry.scrape();
    }

    /**
     * The JVM's figures (memory, GC, threads, classes, process CPU) in a registry of their own, collected with
     * Vigil's. The client keeps every registry JvmMetrics was registered with in a static set, so Vigil's own
     * figures stay out of that one and go with their Vigil.
     */
    private static MultiCollector jvmMetrics() {
        PrometheusRegistry jvm = new PrometheusRegistry();
        JvmMetrics.builder().register(jvm);
        return jvm::scrape;
    }
}
