package dev.vigil.actionitems;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Action items as CSV (RFC 4180, CRLF line ends, a header row). A cell that a spreadsheet would
 * read as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
 * so an item titled "=HYPERLINK(...)" is shown as text instead of run (OWASP's CSV injection advice).
 */
final class ActionItemCsv {
    static final List<String> HEADER = List.of("id", "postmortem_id", "postmortem", "severity", "title", "owner",
            "kind", "priority", "status", "due_on", "overdue", "source", "tracker_url", "created_at", "completed_at",
            "wont_do_reason", "description");

    private ActionItemCsv() {}

    /** today is in the site's time zone, for the overdue column; times are ISO 8601 in UTC. */
    public static String write(List<ActionItem> items, LocalDate today) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(HEADER);
            for (ActionItem item : items) {
                printer.printRecord(row(item, today).stream().map(ActionItemCsv::guarded).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(ActionItem item, LocalDate today) {
        return List.of(Long.toString(item.id()), Long.toString(item.postmortemId()), item.postmortemTitle(),
                item.severity(), item.title(), text(item.ownerName()), item.kind().key(), item.priority().key(),
                item.status().key(), item.dueOn().toString(), item.overdue(today) ? "yes" : "no", item.source().key(),
                text(item.trackerUrl()), item.createdAt().toString(),
                item.completedAt() == null ? "" : item.completedAt().toString(), text(item.wontDoReason()),
                item.description());
    }

    /** The cell as a spreadsheet will show it: formula-like text is prefixed with an apostrophe. */
    static String guarded(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
