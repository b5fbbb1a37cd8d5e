package dev.vigil.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML configuration file and the environment into a {@link VigilConfig}.
 *
 * <p>Every problem found is collected and thrown together in one {@link ConfigException}, each
 * naming its key and what is allowed, so that a broken file is fixed in one pass.
 */
public final class ConfigLoader {
    private static final List<String> TOP_LEVEL_KEYS = List.of("site", "storage", "demo", "components", "probes",
            "smtp", "notifications", "reminders", "postmortems", "metrics", "canary");
    private static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    private static final Duration MIN_RETENTION = Duration.ofDays(1);

    private ConfigLoader() {}

    /** Reads file as UTF-8 and parses it; a missing or unreadable file is a ConfigException naming it. */
    public static VigilConfig load(Path file, Map<String, String> env) {
        return parse(read(file), env);
    }

    /**
     * Expands ${VAR} and ${VAR:-default} in yaml from env, parses it and checks it.
     *
     * @param env the environment: the variables the text refers to, VIGIL_PORT, VIGIL_DATA_DIR, VIGIL_DB_URL,
     *     VIGIL_BOOTSTRAP_TOKEN, VIGIL_ADMIN_EMAIL with VIGIL_ADMIN_PASSWORD, and the VIGIL_SMTP_* overrides
     * @throws ConfigException listing every problem found
     */
    public static VigilConfig parse(String yaml, Map<String, String> env) {
        Problems problems = new Problems();
        ServerSettings server = ServerSettings.from(env, problems);
        FirstAdmin firstAdmin = FirstAdmin.from(env, problems);
        Optional<VigilConfig> config = EnvExpander.expand(yaml, env, problems)
                .flatMap(text -> YamlDocument.read(text, problems))
                .flatMap(document -> Section.root(document, TOP_LEVEL_KEYS, problems))
                .map(root -> build(root, server, firstAdmin, env, problems));
        problems.throwIfAny();
        return config.orElseThrow();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": cannot be read; permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": cannot be read; it is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read; " + e.getMessage());
        }
    }

    private static VigilConfig build(Section root, ServerSettings server, FirstAdmin firstAdmin,
            Map<String, String> env, Problems problems) {
        SiteConfig site = SiteReader.read(root);
        Duration retention = retention(root);
        boolean demo = root.mapping("demo", List.of("enabled")).map(d -> d.flag("enabled", false)).orElse(false);
        List<ComponentConfig> components = ComponentReader.readAll(root);
        List<ProbeConfig> probes = ProbeReader.readAll(root, declaredIds(components));
        SmtpConfig smtp = SmtpReader.read(root, env, problems);
        boolean privateWebhooks = root.mapping("notifications", List.of("allow_private_webhooks"))
                .map(n -> n.flag("allow_private_webhooks", false)).orElse(false);
        return new VigilConfig(site, components, probes, server.port(), server.dataDir(), server.dbUrl(),
                retention, demo, server.bootstrapToken(), new NotificationConfig(smtp, privateWebhooks),
                ReminderReader.read(root),
                PostmortemReader.read(root),
                firstAdmin,
                MetricsAccessReader.read(root),
                Canary.read(root));
    }

    private static Duration retention(Section root) {
        Optional<Section> storage = root.mapping("storage", List.of("retention"));
        Duration retention = storage.map(s -> s.duration("retention", DEFAULT_RETENTION)).orElse(DEFAULT_RETENTION);
        if (retention != null && retention.compareTo(MIN_RETENTION) < 0) {
            storage.orElseThrow().reject("retention", "must be at least 1d");
        }
        return retention;
    }

    private static Set<String> declaredIds(List<ComponentConfig> components) {
        Set<String> ids = new LinkedHashSet<>();
        components.stream().map(ComponentConfig::id).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }
}
