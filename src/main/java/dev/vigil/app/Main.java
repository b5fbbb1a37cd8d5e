package dev.vigil.app;

import dev.vigil.agent.AgentMain;
import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ConfigSource;
import dev.vigil.config.VigilConfig;
import dev.vigil.probes.HttpClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, starts Vigil, and stops it on shutdown. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String USAGE = """
            Usage: java -jar vigil.jar [--config FILE] [--demo-fail SERVICE[,SERVICE...]]
                   java -jar vigil.jar agent --server URL --token TOKEN --location NAME [--data DIR]  (a probe agent)
              --config FILE    the YAML configuration (default: $VIGIL_CONFIG, else data/vigil.yml)
              --demo-fail S    start with these demo services failing (web, api, search, jobs)
            Environment: VIGIL_CONFIG, VIGIL_PORT (7070), VIGIL_DATA_DIR (data), VIGIL_DB_URL (SQLite in the data folder),
              VIGIL_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _FROM (the mail server for subscriber mail),
              VIGIL_ADMIN_EMAIL with VIGIL_ADMIN_PASSWORD (the first administrator, when there is none),
              VIGIL_BOOTSTRAP_TOKEN (an admin API token with this value, when there is none)""";

    private Main() {}

    public static void main(String[] args) {
        HttpClients.closeIdleConnectionsSoon();
        Map<String, String> env = System.getenv();
        if (args.length > 0 && args[0].equals("agent")) {
            // The same jar as a probe agent at another location (issue 11): no database, no web server.
            int status = AgentMain.run(Arrays.copyOfRange(args, 1, args.length), env);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        Path configFile = Path.of(env.getOrDefault("VIGIL_CONFIG", "data/vigil.yml"));
        Set<String> demoFailing = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configFile = Path.of(value(args, ++i, "--config"));
                case "--demo-fail" -> demoFailing.addAll(Arrays.asList(value(args, ++i, "--demo-fail").split(",")));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> exit("Unknown argument: " + args[i] + "\n" + USAGE);
            }
        }
        VigilConfig config;
        try {
            config = ConfigLoader.load(configFile, env);
        } catch (ConfigException e) {
            exit("Vigil cannot start: " + configFile + " has problems:\n  " + String.join("\n  ", e.problems()));
            return;
        }
        Vigil vigil;
        try {
            vigil = Vigil.build(config, Clock.systemUTC(), demoFailing, new ConfigSource(configFile, env)).start();
        } catch (RuntimeException e) {
            log.error("Vigil cannot start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(vigil::stop, "vigil-shutdown"));
        log.info("Vigil is running. Status page: http://localhost:{}/ (public URL {}), health: http://localhost:{}/health",
                vigil.port(), config.site().url(), vigil.port());
        if (config.demo()) {
            log.info("Demo: make the search service fail with  curl -X POST http://localhost:{}/demo/search/fail"
                    + "  and recover with  curl -X POST http://localhost:{}/demo/search/recover", vigil.port(), vigil.port());
        }
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            exit(flag + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
