package dev.vigil.monitoring;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/** Models of the console's component and probe pages (issue 3). errors maps a field to what is wrong with it. */
public final class ComponentPages {
    private ComponentPages() {}

    /** All components with their probes. canEdit shows the controls that change console-made ones. */
    public record Overview(Frame frame, boolean canEdit, boolean reloaded, List<ComponentRow> components) {}

    /** fromConfig: declared in vigil.yml, so shown read-only; essential: its outage alone takes the service down. */
    public record ComponentRow(String id, String name, String group, String description, int position,
            String status, boolean fromConfig, boolean essential, List<ProbeRow> probes) {}

    /**
     * lastCheck: the outcome, reason and time of its latest check, or "none yet"; heartbeat is null for a probe
     * that is not a heartbeat.
     */
    public record ProbeRow(String id, String url, String interval, String status, String lastCheck,
            boolean fromConfig, HeartbeatRow heartbeat) {}

    /**
     * A heartbeat's ping URL and latest pings (issue 11). pingUrl, the URL with its token, is null unless an admin
     * is looking and Vigil generated the token (one from vigil.yml is not kept).
     */
    public record HeartbeatRow(String maskedUrl, String pingUrl, boolean tokenFromConfig, String lastPing,
            String lastRun) {}

    /** action is where the form posts; editing fixes the id. */
    public record ComponentForm(Frame frame, String action, boolean editing, Map<String, String> values,
            Map<String, String> errors) {}

    public record ProbeForm(Frame frame, String action, boolean editing, Map<String, String> values,
            List<Choice> components, Map<String, String> errors) {}

    public record Choice(String id, String label, boolean selected) {}

    /** The reload preview; stale when the file changed between the preview shown and the apply. */
    public record Reload(Frame frame, ConfigReload.Preview preview, boolean stale) {}
}
