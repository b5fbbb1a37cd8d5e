package dev.vigil.home;

import dev.vigil.actionitems.ItemPages.OneClick;
import dev.vigil.console.ConsolePages.Frame;
import java.util.List;

/** The console home, already worded: the template lays it out. Every row links where the work is done. */
public record HomePages(Frame frame, String zone, boolean canEdit, boolean allClear, List<Row> incidents,
        List<Row> notices, List<Row> postmortems, List<ItemRow> items, List<Row> probes, OneClick oneClick) {

    /**
     * One thing to look at.
     *
     * @param tone css modifier: urgent, waiting or calm; the words say the same, colour only echoes them
     * @param detail one line under the title, e.g. "Investigating · open 12 minutes · last update 5 minutes ago"
     */
    public record Row(String href, String title, String tag, String tone, String detail) {}

    /** One of my action items, with what the one-click close needs. */
    public record ItemRow(long id, String href, String title, String due, String dueIso, boolean overdue, String when,
            String postmortem, long version, boolean needsLink) {}
}
