package dev.vigil.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/** Reads what Vigil recorded for the checks that fell due in the measured window, from its own database. */
final class FleetResults {
    private FleetResults() {}

    static FleetFigures read(Path database, FleetSettings settings, Instant from, Instant to) throws SQLException {
        long[] lags = new long[1 << 16];
        int count = 0;
        long skipped = 0;
        long down = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT started_at - scheduled_at, outcome FROM check_results
                         WHERE scheduled_at >= ? AND scheduled_at < ?""")) {
            query.setLong(1, from.toEpochMilli());
            query.setLong(2, to.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String outcome = rows.getString(2);
                    if ("SKIPPED".equals(outcome)) {
                        skipped++;
                        continue;
                    }
                    if ("DOWN".equals(outcome)) {
                        down++;
                    }
                    if (count == lags.length) {
                        lags = Arrays.copyOf(lags, lags.length * 2);
                    }
                    lags[count++] = rows.getLong(1);
                }
            }
        }
        long[] started = Arrays.copyOf(lags, count);
        Arrays.sort(started);
        long onTime = Arrays.stream(started).filter(lag -> lag <= 1_000).count();
        double windowSeconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        long expected = Math.round(settings.monitors() * windowSeconds / settings.interval().toSeconds());
        return new FleetFigures(settings, expected, count, skipped, down, onTime, percentile(started, 50),
                percentile(started, 99), started.length == 0 ? 0 : started[started.length - 1], 0, 0, "", "");
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
