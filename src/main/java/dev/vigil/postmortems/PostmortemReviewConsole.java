package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.markdown.Markdown;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import java.time.Clock;

/**
 * The review workflow and public version of postmortems (issue 4): the handlers for the route
 * table, publicVersions for the action items feature to call when an item changes, and automation
 * for the admin API.
 */
public record PostmortemReviewConsole(ReviewHandlers reviews, PublicVersionHandlers publicVersion,
        PublicPostmortems publicVersions, PostmortemAutomation automation) {

    /** Builds it; onChange runs after every change customers can see (it rebuilds the public page). */
    public static PostmortemReviewConsole build(Database database, AuditLog audit, Markdown markdown, Templates pages,
            SiteConfig site, Clock clock, Runnable onChange) {
        TimeFormat times = new TimeFormat(site.timeZone());
        ReviewStore store = new ReviewStore();
        Reviews reviews = new Reviews(database, store, audit, clock);
        PublicPostmortems publicVersions = new PublicPostmortems(database, reviews, new PublicPostmortemStore(), store,
                new PublicDraftSkeleton(times, site.url()), audit, clock, onChange);
        ReviewViews views = new ReviewViews(times, markdown);
        return new PostmortemReviewConsole(new ReviewHandlers(reviews, views, pages, site.name()),
                new PublicVersionHandlers(publicVersions, views, pages, site.name()), publicVersions,
                new PostmortemAutomation(database, new PostmortemStore(), new TimelineStore(), store, reviews,
                        publicVersions));
    }
}
