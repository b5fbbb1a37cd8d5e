package dev.vigil.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything Vigil is configured with, read once at start-up from the YAML file and the
 * environment, validated, and never changed afterwards.
 *
 * @param dbUrl a JDBC URL; by default a SQLite file inside dataDir
 * @param retention how long raw check results are kept before they are rolled up
 * @param demo whether the built-in demo target and the demo history are enabled
 * @param bootstrapToken VIGIL_BOOTSTRAP_TOKEN: the value of an admin API token to create when none
 *     exists yet, for automated installs; null when unset. A secret: never log it.
 * @param notifications the mail server and the rules for subscribers' webhooks
 * @param reminders when the daily action item reminders go out
 * @param postmortems the postmortem settings, such as the action items' default due days by severity
 * @param firstAdmin VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD: the administrator to create when
 *     there is none yet; null when unset. Holds a secret: never log it.
 * @param metricsAccess who may read /metrics (metrics.token); holds a secret: never log it
 * @param canary the check of Vigil's own connectivity run at every location (issue 11); null when none
 */
public record VigilConfig(
        SiteConfig site,
        List<ComponentConfig> components,
        List<ProbeConfig> probes,
        int port,
        Path dataDir,
        String dbUrl,
        Duration retention,
        boolean demo,
        String bootstrapToken,
        NotificationConfig notifications,
        ReminderPolicy reminders,
        PostmortemConfig postmortems,
        FirstAdmin firstAdmin,
        MetricsAccess metricsAccess,
        ProbeConfig canary) {

    public VigilConfig {
        components = List.copyOf(components);
        probes = List.copyOf(probes);
    }

    public Optional<ComponentConfig> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Shown without the bootstrap token, so that printing a configuration never leaks it. */
    @Override
    public String toString() {
        return "VigilConfig[site=" + site + ", components=" + components + ", probes=" + probes + ", port=" + port
                + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", retention=" + retention + ", demo=" + demo
                + ", bootstrapToken=" + (bootstrapToken == null ? "unset" : "set")
                + ", notifications=" + notifications + ", reminders=" + reminders + ", postmortems=" + postmortems
                + ", firstAdmin=" + (firstAdmin == null ? "unset" : firstAdmin) + ", metricsAccess=" + metricsAccess
                + ", canary=" + (canary == null ? "none" : canary.target().shown()) + "]";
    }

    public VigilConfig withPort(int newPort) {
        return new VigilConfig(site, components, probes, newPort, dataDir, dbUrl, retention, demo, bootstrapToken,
                notifications, reminders, postmortems, firstAdmin, metricsAccess, canary);
    }

    /** The same settings with the components and probes of a reloaded file (the rest needs a restart). */
    public VigilConfig withMonitoring(List<ComponentConfig> newComponents, List<ProbeConfig> newProbes) {
        return new VigilConfig(site, newComponents, newProbes, port, dataDir, dbUrl, retention, demo, bootstrapToken,
                notifications, reminders, postmortems, firstAdmin, metricsAccess, canary);
    }
}
