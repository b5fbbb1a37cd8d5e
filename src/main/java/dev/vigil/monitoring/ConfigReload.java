package dev.vigil.monitoring;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ConfigSource;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.probes.ProbeSettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads vigil.yml again while Vigil runs (issue 3): first a preview of what would change, then
 * exactly that, applied in one transaction, with the running probes following. The preview
 * carries a hash of the file it read; a file changed since is previewed again, never applied blindly.
 * Components and probes change live; the other settings are listed as needing a restart.
 */
public final class ConfigReload {
    private final ConfigSource source;
    private final Database database;
    private final ComponentStore components;
    private final ConfigSync sync;
    private final ProbeSettingsStore settings;
    private final ProbeRegistry registry;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final Runnable onChange;
    private VigilConfig current;

    /** A read of the file: its errors (then nothing can be applied), or the changes it would make. */
    public record Preview(String file, String hash, List<String> errors, ConfigDiff diff) {
        public boolean canApply() {
            return errors.isEmpty() && diff != null && !diff.isEmpty();
        }
    }

    /** After an apply: what was applied, or a fresh preview because the file changed since the one shown. */
    public record Result(boolean applied, Preview preview) {}

    /** @param source null when Vigil was started without a file (tests): then there is nothing to reload */
    public ConfigReload(ConfigSource source, VigilConfig started, Database database, ComponentStore components,
            ConfigSync sync, ProbeSettingsStore settings, ProbeRegistry registry, AuditLog audit,
            java.time.Clock clock, Runnable onChange) {
        this.source = source;
        this.current = started;
        this.database = database;
        this.components = components;
        this.sync = sync;
        this.settings = settings;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.onChange = onChange;
    }

    public synchronized Preview preview() {
        return read().preview;
    }

    /** Applies the file if it is still the one previewed (same hash); otherwise returns the new preview. */
    public synchronized Result apply(String previewedHash, String actor) {
        Reading reading = read();
        Preview preview = reading.preview;
        if (!preview.hash().equals(previewedHash) || !preview.canApply()) {
            return new Result(false, preview);
        }
        VigilConfig live = current.withMonitoring(reading.next.components(), reading.next.probes());
        database.write(handle -> {
            sync.apply(handle, live, clock.instant());
            audit.record(handle, clock.instant(), actor, "config.reloaded", "config", source.file().toString(),
                    preview.diff().summary());
            return null;
        });
        current = live;
        registry.refresh(live.probes());
        onChange.run();
        return new Result(true, preview);
    }

    /** The file as read now, with the configuration parsed from exactly the bytes that were hashed. */
    private record Reading(Preview preview, VigilConfig next) {}

    private Reading read() {
        if (source == null) {
            return new Reading(new Preview("(none)", "", List.of("Vigil was started without a configuration file, "
                    + "so there is nothing to reload."), null), null);
        }
        String file = source.file().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source.file());
        } catch (IOException e) {
            return new Reading(new Preview(file, "", List.of(file + ": cannot be read; " + e), null), null);
        }
        String hash = sha256(bytes);
        VigilConfig next;
        try {
            next = ConfigLoader.parse(new String(bytes, StandardCharsets.UTF_8), source.env());
        } catch (ConfigException e) {
            return new Reading(new Preview(file, hash, e.problems(), null), null);
        }
        Set<String> consoleComponents = database.read(components::all).stream()
                .filter(c -> ComponentEditor.SOURCE.equals(c.source())).map(Component::id).collect(Collectors.toSet());
        ConfigDiff diff = ConfigDiff.between(current, next, consoleComponents, database.read(settings::active));
        return new Reading(new Preview(file, hash, List.of(), diff), next);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
