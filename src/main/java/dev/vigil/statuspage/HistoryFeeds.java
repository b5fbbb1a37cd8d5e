package dev.vigil.statuspage;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.vigil.config.SiteConfig;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.NoticeStore.Notice;
import dev.vigil.maintenance.Maintenance;
import dev.vigil.maintenance.MaintenanceUpdate;
import dev.vigil.markdown.Markdown;
import dev.vigil.postmortems.PublicPostmortemStore.PublishedPostmortem;
import dev.vigil.time.TimeFormat;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The history feeds (/history.atom and /history.rss): the latest incidents and maintenance windows,
 * newest first by their last update. ROME writes the XML, so titles are escaped as text and the
 * HTML content (from the safe Markdown renderer) is escaped once more as the feed formats require.
 */
final class HistoryFeeds {
    static final int ENTRIES = 50;
    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    static final String RSS_TYPE = "application/rss+xml; charset=utf-8";

    /**
     * What the feeds are built from, read with the rest of the snapshot.
     *
     * @param notices the published notices by incident id
     * @param postmortems the latest published postmortems (issue 4), each an entry of its own
     */
    record Source(List<Incident> incidents, Map<Long, Notice> notices, List<Maintenance> maintenances,
            List<PublishedPostmortem> postmortems) {}

    /** One feed entry; contentHtml is safe HTML, escaped by ROME when written. */
    record Entry(String id, String title, String link, Instant published, Instant updated, String contentHtml) {}

    private final SiteConfig site;
    private final String siteUrl;
    private final TimeFormat times;
    private final Markdown markdown;
    private final PostmortemViews postmortems;

    HistoryFeeds(SiteConfig site, TimeFormat times, Markdown markdown, PostmortemViews postmortems) {
        this.site = site;
        this.siteUrl = site.url().replaceAll("/+$", "");
        this.times = times;
        this.markdown = markdown;
        this.postmortems = postmortems;
    }

    /** The incidents and windows merged, most recently updated first, at most {@link #ENTRIES}. */
    List<Entry> entries(Source source) {
        return Stream.of(
                        source.incidents().stream().map(i -> incident(i, source.notices().get(i.id()))),
                        source.maintenances().stream().map(this::maintenance),
                        source.postmortems().stream().map(this::postmortem))
                .flatMap(entries -> entries)
                .sorted(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id))
                .limit(ENTRIES)
                .toList();
    }

    String atom(List<Entry> entries) {
        return write(feed("atom_1.0", entries, false));
    }

    String rss(List<Entry> entries) {
        return write(feed("rss_2.0", entries, true));
    }

    private Entry incident(Incident incident, Notice notice) {
        StringBuilder html = new StringBuilder();
        Instant updated = incident.updatedAt();
        if (notice != null && notice.isPublished()) {
            html.append("<h2>Incident report</h2>\n").append(markdown.toHtml(notice.body()))
                    .append("<p><small>Published ").append(escape(times.dateTime(notice.publishedAt())))
                    .append("</small></p>\n");
            updated = later(updated, notice.publishedAt());
        }
        for (IncidentUpdate update : incident.updates()) {
            appendUpdate(html, update.status().label(), update.displayAt(), update.body());
        }
        return new Entry(tag("incident", incident.id(), incident.createdAt()), incident.name(),
                siteUrl + "/incidents/" + incident.id(), incident.createdAt(), updated, html.toString());
    }

    /**
     * Windows have no page of their own; the link points at their card on the status page, as the
     * API's shortlink does. The description is not repeated: the first (scheduled) update carries it.
     */
    private Entry maintenance(Maintenance window) {
        StringBuilder html = new StringBuilder();
        html.append("<p><strong>Scheduled</strong> for ").append(escape(times.dateTime(window.scheduledFor())))
                .append(" to ").append(escape(times.dateTime(window.scheduledUntil()))).append("</p>\n");
        for (MaintenanceUpdate update : window.updates()) {
            appendUpdate(html, update.status().label(), update.displayAt(), update.body());
        }
        return new Entry(tag("maintenance", window.id(), window.createdAt()), "Maintenance: " + window.name(),
                siteUrl + "/#maintenance-" + window.id(), window.createdAt(), window.updatedAt(), html.toString());
    }

    /**
     * A published postmortem links to its (first) incident's page, where it is shown; it counts as
     * updated when published again or when one of its public commitments is done or dropped.
     */
    private Entry postmortem(PublishedPostmortem postmortem) {
        String link = siteUrl + (postmortem.incidentIds().isEmpty() ? "/"
                : "/incidents/" + postmortem.incidentIds().get(0) + "#postmortem-" + postmortem.id());
        return new Entry(tag("postmortem", postmortem.id(), postmortem.createdAt()), "Postmortem: " + postmortem.title(),
                link, postmortem.publishedAt(), postmortem.lastChange(), postmortems.feedHtml(postmortem));
    }

    private void appendUpdate(StringBuilder html, String statusLabel, Instant at, String body) {
        html.append("<h3>").append(escape(statusLabel)).append(" · ").append(escape(times.dateTime(at)))
                .append("</h3>\n");
        if (body != null && !body.isBlank()) {
            html.append(markdown.toHtml(body));
        }
    }

    /**
     * A tag: URI (RFC 4151) from the site's host and the day the thing was created: it never
     * changes, so readers do not show an updated incident as a new one.
     */
    private String tag(String kind, long id, Instant createdAt) {
        String host = URI.create(siteUrl).getHost();
        LocalDate day = createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        return "tag:" + (host == null ? "vigil" : host) + "," + day + ":" + kind + "/" + id;
    }

    private SyndFeed feed(String type, List<Entry> entries, boolean rss) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(site.name() + " status history");
        feed.setDescription("Incidents and maintenance of " + site.name());
        feed.setLink(siteUrl + "/");
        String self = siteUrl + "/history." + (rss ? "rss" : "atom");
        feed.setUri(self);
        feed.setLinks(List.of(link("alternate", siteUrl + "/", "text/html"),
                link("self", self, rss ? "application/rss+xml" : "application/atom+xml")));
        if (!rss) {
            feed.setAuthors(List.of(person(site.name())));
        }
        feed.setLanguage("en");
        // The newest entry's time, not the build time: the bytes, and so the ETag, change only with the history.
        Instant newest = entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated();
        feed.setPublishedDate(Date.from(newest));
        List<SyndEntry> items = new ArrayList<>();
        for (Entry entry : entries) {
            items.add(entry(entry, site.name(), rss));
        }
        feed.setEntries(items);
        return feed;
    }

    /** RSS has no updated date, so its pubDate carries the last update, which is what readers sort by. */
    private static SyndEntry entry(Entry entry, String author, boolean rss) {
        SyndEntry item = new SyndEntryImpl();
        if (!rss) {
            // Atom wants an author on every entry (RSS's author is an email address, which we have none to give).
            item.setAuthors(List.of(person(author)));
        }
        item.setUri(entry.id());
        item.setTitle(entry.title());
        item.setLink(entry.link());
        item.setPublishedDate(Date.from(rss ? entry.updated() : entry.published()));
        item.setUpdatedDate(Date.from(entry.updated()));
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(entry.contentHtml());
        if (rss) {
            item.setDescription(content);
        } else {
            item.setContents(List.of(content));
        }
        return item;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static String escape(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
