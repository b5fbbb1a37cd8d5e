package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The check_results table read back over plain JDBC, for tests that ask whether a fault cost any check. */
final class CheckLedger {
    record Row(String probeId, long scheduledAt, long startedAt, String outcome, String reason) {}

    private final String jdbcUrl;

    CheckLedger(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The probe's rows scheduled in [from, to), in their order. */
    List<Row> rows(String probeId, long from, long to) {
        String sql = "SELECT probe_id, scheduled_at, started_at, outcome, reason FROM check_results"
                + " WHERE probe_id = ? AND scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id";
        try (Connection db = DriverManager.getConnection(jdbcUrl); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, probeId);
            query.setLong(2, from);
            query.setLong(3, to);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every check of the probe due in [from, to) is in the table exactly once: one row per due time, none
     * missing between them (a gap of more than half an interval past the next due time would be a lost check),
     * none lost to a full buffer. Returns the rows.
     */
    List<Row> assertEveryCheckOnce(String probeId, long from, long to, Duration interval) {
        List<Row> rows = rows(probeId, from, to);
        long step = interval.toMillis();
        assertThat(rows.stream().map(Row::scheduledAt).toList()).as("due times of %s", probeId).doesNotHaveDuplicates();
        assertThat(rows.size()).as("checks of %s in %d ms", probeId, to - from).isGreaterThanOrEqualTo(
                (int) ((to - from) / step) - 1);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).scheduledAt() - rows.get(i - 1).scheduledAt())
                    .as("time between checks of %s at %d", probeId, rows.get(i).scheduledAt())
                    .isLessThanOrEqualTo(step * 3 / 2);
        }
        assertThat(rows).noneMatch(row -> row.reason().startsWith("result lost"));
        return rows;
    }
}
