package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export: RFC 4180 quoting that reads back intact, and no cell a spreadsheet would run as a formula. */
class ActionItemCsvTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static ActionItem item(String title, String description, ItemStatus status, LocalDate due) {
        return new ActionItem(7, 3, "API, \"the big one\"", "sev1", title, description, 2L, "Grace Hopper",
                ItemKind.DETECT, Priority.P1, due, status, null, "https://tracker.example/OPS-1", ItemSource.REVIEW,
                false, Instant.parse("2026-11-30T10:00:00Z"), "user:2", Instant.parse("2026-11-30T10:00:00Z"), null, 1);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndReadBackIntact() throws Exception {
        String csv = ActionItemCsv.write(List.of(item("Alert, then \"page\"", "line one\nline two", ItemStatus.OPEN,
                LocalDate.of(2026, 12, 1))), TODAY);

        assertThat(csv).startsWith("id,postmortem_id,postmortem,severity,title,owner,kind,priority,status,due_on,"
                + "overdue,source,tracker_url,created_at,completed_at,wont_do_reason,description\r\n");
        assertThat(csv).contains("\"Alert, then \"\"page\"\"\"").contains("\"line one\nline two\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("title")).isEqualTo("Alert, then \"page\"");
        assertThat(row.get("postmortem")).isEqualTo("API, \"the big one\"");
        assertThat(row.get("description")).isEqualTo("line one\nline two");
        assertThat(row.get("overdue")).isEqualTo("yes");
        assertThat(row.get("owner")).isEqualTo("Grace Hopper");
        assertThat(row.get("completed_at")).isEmpty();
    }

    @Test
    void cellsThatLookLikeFormulasArePrefixedWithAnApostrophe() throws Exception {
        String csv = ActionItemCsv.write(List.of(
                item("=HYPERLINK(\"http://evil.example\",\"click\")", "+1 more", ItemStatus.DONE, TODAY),
                item("-2+3", "@SUM(A1)", ItemStatus.OPEN, TODAY)), TODAY);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(rows.get(0).get("description")).isEqualTo("'+1 more");
        assertThat(rows.get(0).get("overdue")).isEqualTo("no");
        assertThat(rows.get(1).get("title")).isEqualTo("'-2+3");
        assertThat(rows.get(1).get("description")).isEqualTo("'@SUM(A1)");
        assertThat(ActionItemCsv.guarded("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ActionItemCsv.guarded("Plain")).isEqualTo("Plain");
    }
}
