package dev.vigil.statuspage;

import dev.vigil.errors.NotFound;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;

/** The public page, API and feeds, served from the prepared snapshot. */
public final class StatusHandlers {
    private final StatusPublisher publisher;

    public StatusHandlers(StatusPublisher publisher) {
        this.publisher = publisher;
    }

    public void page(Context ctx) {
        serve(ctx, publisher.snapshot().page());
    }

    public void summary(Context ctx) {
        serve(ctx, publisher.snapshot().summary());
    }

    public void status(Context ctx) {
        serve(ctx, publisher.snapshot().status());
    }

    public void upcomingMaintenances(Context ctx) {
        serve(ctx, publisher.snapshot().upcomingMaintenances());
    }

    public void activeMaintenances(Context ctx) {
        serve(ctx, publisher.snapshot().activeMaintenances());
    }

    public void latestMaintenances(Context ctx) {
        serve(ctx, publisher.snapshot().latestMaintenances());
    }

    public void atomFeed(Context ctx) {
        serve(ctx, publisher.snapshot().atomFeed());
    }

    public void rssFeed(Context ctx) {
        serve(ctx, publisher.snapshot().rssFeed());
    }

    public void incident(Context ctx) {
        long id = PathIds.id(ctx, "incident");
        serve(ctx, publisher.incidentPage(id).orElseThrow(() -> new NotFound("No incident " + id)));
    }

    private static void serve(Context ctx, CachedResponse response) {
        ctx.header(Header.ETAG, response.etag());
        // Short: readers see a change within seconds, yet a crowd during an outage is mostly served from caches.
        ctx.header(Header.CACHE_CONTROL, "public, max-age=5");
        ctx.header(Header.VARY, "Accept-Encoding");
        if (response.etag().equals(ctx.header(Header.IF_NONE_MATCH))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(response.contentType());
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        boolean gzip = accepted != null && accepted.contains("gzip");
        byte[] bytes = gzip ? response.gzipped() : response.body();
        if (gzip) {
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        // Known length: the body goes out in one piece instead of chunked (measured in docs/performance.md).
        ctx.res().setContentLength(bytes.length);
        ctx.result(bytes);
    }
}
