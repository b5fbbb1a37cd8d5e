package dev.vigil.maintenance;

import dev.vigil.console.ConsolePages.Frame;
import java.util.List;
import java.util.Map;

/** Models of the console's maintenance pages. errors maps a form field to what is wrong with it. */
public final class MaintenancePages {
    private MaintenancePages() {}

    /** The list: windows not yet completed, then the latest ones. canEdit shows the buttons that change things. */
    public record Overview(Frame frame, String zone, boolean canEdit, List<Row> current, List<Row> latest) {}

    /** One window; repeats is the series' rule, empty for a one-off. */
    public record Row(long id, String name, String status, String from, String until, String components,
            String repeats, boolean recurring) {}

    public record Form(Frame frame, String zone, String example, MaintenanceForm values, List<Choice> components,
            Map<String, String> errors) {}

    /** A component to tick. */
    public record Choice(String id, String label, boolean checked) {}
}
