package dev.vigil.agent;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar vigil.jar agent ...}: starts a probe agent and stops it on shutdown (issue 11). */
public final class AgentMain {
    private static final Logger log = LoggerFactory.getLogger(AgentMain.class);

    private AgentMain() {}

    /** @return the exit status: 0 once started (it then runs until stopped), 2 for wrong arguments */
    public static int run(String[] args, Map<String, String> env) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(AgentSettings.USAGE);
            return 0;
        }
        AgentSettings settings;
        try {
            settings = AgentSettings.parse(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println("The agent cannot start:\n  " + e.getMessage().replace("\n", "\n  ") + "\n"
                    + AgentSettings.USAGE);
            return 2;
        }
        ProbeAgent agent = new ProbeAgent(settings, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "vigil-agent-shutdown"));
        log.info("Probe agent for {} started: server {}, results wait in {}", settings.location(), settings.server(),
                settings.dataDir().toAbsolutePath());
        return 0;
    }
}
