package dev.vigil.agents;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/** The model of the console's Agents page (issue 11). */
public final class AgentPages {
    private AgentPages() {}

    /**
     * @param created the token made by this very request, the only time its secret is shown; or null
     * @param locations the locations probes name, with how many probes each and whether an agent token is live there
     */
    public record Agents(Frame frame, String zone, List<AgentRow> agents, List<LocationRow> locations, AgentForm form,
            NewAgent created) {}

    public record AgentRow(long id, String name, String location, String createdBy, String createdAt, String lastSeen,
            String revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record LocationRow(String name, int probes, boolean hasAgent) {}

    public record AgentForm(String name, String location, Map<String, String> errors) {
        public static AgentForm empty() {
            return new AgentForm("", "", Map.of());
        }
    }

    public record NewAgent(String name, String location, String secret) {}
}
