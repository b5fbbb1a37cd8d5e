package dev.vigil.agent;

import dev.vigil.config.Durations;
import dev.vigil.config.ProbeLocations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How an agent is started, from its command line and environment (issue 11).
 *
 * @param server the Vigil server's base URL, such as https://status.example.com
 * @param token the agent's token; a secret, never logged (VIGIL_AGENT_TOKEN keeps it out of the process list)
 * @param sendEvery how often the buffered results are posted
 * @param refreshEvery how often the probes are fetched again even when no answer says they changed
 * @param capacity how many results wait on disk at most while the server is away; the oldest go first
 */
public record AgentSettings(URI server, String token, String location, Path dataDir, Duration sendEvery,
        Duration refreshEvery, int capacity) {

    public static final String USAGE = """
            Usage: java -jar vigil.jar agent --server URL --token TOKEN --location NAME [--data DIR]
              --server URL       the Vigil server, such as https://status.example.com
              --token TOKEN      the agent's token from the console's Agents page (or VIGIL_AGENT_TOKEN)
              --location NAME    the location the token is for, as probes name it in locations:
              --data DIR         where results wait while the server is away (default ./agent-data)
              --send-every DUR   how often results are sent (default 2s)
              --refresh DUR      how often the probes are fetched again (default 30s)
              --max-buffered N   how many results wait at most; the oldest are dropped first (default 50000)""";
    private static final List<String> FLAGS = List.of("--server", "--token", "--location", "--data", "--send-every",
            "--refresh", "--max-buffered");
    static final Duration DEFAULT_SEND_EVERY = Duration.ofSeconds(2);
    static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    static final int DEFAULT_CAPACITY = 50_000;

    @Override
    public String toString() {
        return "AgentSettings[server=" + server + ", location=" + location + ", dataDir=" + dataDir + ", sendEvery="
                + sendEvery + ", refreshEvery=" + refreshEvery + ", capacity=" + capacity + ", token=****]";
    }

    /** Reads the arguments after "agent"; every problem is in the exception's message, one per line. */
    public static AgentSettings parse(String[] args, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, String> flags = flags(args, problems);
        URI serverUrl = serverUrl(flags.get("--server"), problems);
        String token = flags.getOrDefault("--token", env.get("VIGIL_AGENT_TOKEN"));
        if (token == null || token.isBlank()) {
            problems.add("--token (or VIGIL_AGENT_TOKEN) is required: the agent's token from the console's Agents page");
        }
        String location = flags.get("--location");
        if (!ProbeLocations.isAgentLocation(location)) {
            problems.add("--location must be the token's location, such as eu-west: lower case letters, digits and "
                    + "dashes, at most 40; \"server\" is Vigil itself");
        }
        Duration send = duration("--send-every", flags.get("--send-every"), DEFAULT_SEND_EVERY, problems);
        Duration refreshEvery = duration("--refresh", flags.get("--refresh"), DEFAULT_REFRESH, problems);
        int max = capacity(flags.get("--max-buffered"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new AgentSettings(serverUrl, token.strip(), location, Path.of(flags.getOrDefault("--data", "agent-data")),
                send, refreshEvery, max);
    }

    private static Map<String, String> flags(String[] args, List<String> problems) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!FLAGS.contains(args[i])) {
                problems.add("unknown argument " + args[i]);
            } else if (i + 1 >= args.length) {
                problems.add(args[i] + " needs a value");
            } else {
                flags.put(args[i], args[++i]);
            }
        }
        return flags;
    }

    private static URI serverUrl(String server, List<String> problems) {
        try {
            URI url = server == null ? null : URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1)
                    : server);
            if (url != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                    && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add("--server must be the Vigil server's http or https URL, such as https://status.example.com");
        return null;
    }

    private static Duration duration(String flag, String text, Duration fallback, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        Duration parsed = Durations.parse(text).orElse(null);
        if (parsed == null || parsed.compareTo(Duration.ofMillis(100)) < 0 || parsed.compareTo(Duration.ofHours(1)) > 0) {
            problems.add(flag + " must be a duration from 100ms to 1h, such as 2s");
            return fallback;
        }
        return parsed;
    }

    private static int capacity(String text, List<String> problems) {
        if (text == null) {
            return DEFAULT_CAPACITY;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 100 && value <= 10_000_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("--max-buffered must be a whole number from 100 to 10000000");
        return DEFAULT_CAPACITY;
    }
}
