package dev.vigil.metrics;

import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.Refused;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.time.Clock;

/** The console's metrics page (issue 4): incidents, detection and resolution times, action items. */
public record MetricsHandlers(MetricsQueries queries, Templates templates, TimeFormat times, Clock clock,
        String siteName) {

    /** GET /console/metrics?months=3|6|12 */
    public void page(Context ctx) {
        Window window;
        try {
            window = Window.parse(ctx.queryParam("months"));
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        MetricsReport report = queries.report(window, times.zone(), clock.instant());
        templates.page(ctx, "metrics/page.jte",
                MetricsPages.of(Frame.of(siteName, ctx), times.zone().getId(), report));
    }
}
