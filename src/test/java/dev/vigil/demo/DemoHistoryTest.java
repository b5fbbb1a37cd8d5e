package dev.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.app.Vigil;
import dev.vigil.testing.RunningVigil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo's past, seeded on days and at hours that once made its headline incident vanish. */
class DemoHistoryTest {
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(DayOfWeek.class)
    void theSearchUpgradeIncidentIsAmongThePastIncidentsLateOnEveryDayOfTheWeek(DayOfWeek weekday) {
        Instant lateThatDay = LocalDateTime.of(2026, 11, 2, 23, 30).with(TemporalAdjusters.nextOrSame(weekday))
                .atZone(SITE_ZONE).toInstant();
        Vigil vigil = Vigil.build(RunningVigil.config(dataDir.resolve(weekday.name()), """
                site:
                  name: Demo
                  url: http://status.test
                  time_zone: America/Los_Angeles
                demo:
                  enabled: true
                components:
                  - id: web
                    name: Web application
                  - id: search
                    name: Search
                """, Map.of()), Clock.fixed(lateThatDay, ZoneOffset.UTC)).start();
        try {
            String page = new String(vigil.publisher().snapshot().page().body(), StandardCharsets.UTF_8);
            assertThat(page).contains("Search upgrade took the app offline");
        } finally {
            vigil.stop();
        }
    }
}
