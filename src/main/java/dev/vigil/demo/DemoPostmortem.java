package dev.vigil.demo;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.postmortems.IncidentRecords;
import dev.vigil.postmortems.Postmortem;
import dev.vigil.postmortems.PostmortemEdits;
import dev.vigil.postmortems.PostmortemStore;
import dev.vigil.postmortems.Postmortems;
import dev.vigil.postmortems.TemplateSections;
import dev.vigil.postmortems.TimelineStore;
import dev.vigil.time.TimeFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The postmortem of the demo's failed search upgrade, written through the same services as the
 * console and the admin API: created from the incident (so its times and timeline come from the
 * recorded checks, outages and updates) and filled in two days later, as if at that time.
 *
 * <p>It stays a draft without action items. A new demo has no users (the first-run page creates
 * the first admin), and the services rightly ask for people: every action item needs an owner who
 * can sign in, and the review that leads to publishing needs a named reviewer who approves.
 */
final class DemoPostmortem {
    /** Who wrote it: not a user, like an API token; the console's history shows the name. */
    static final Actor WRITER = new Actor("demo", "Vigil demo", null);
    static final List<String> TAGS = List.of("release", "rollback", "search");
    private static final Duration WRITTEN_AFTER = Duration.ofDays(2);

    private final Database database;
    private final ZoneId zone;
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    DemoPostmortem(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    /** Writes the postmortem of the incident, unless one exists already (a restart must not add a second). */
    void seedIfMissing(long incidentId) {
        Instant resolvedAt = database.read(handle -> new IncidentStore().find(handle, incidentId)).orElseThrow()
                .resolvedAt();
        Instant writtenAt = resolvedAt.plus(WRITTEN_AFTER);
        Clock then = Clock.fixed(writtenAt, zone);
        Postmortems postmortems = new Postmortems(database, new PostmortemStore(), new TimelineStore(),
                new TemplateSections(), new IncidentRecords(), new IncidentStore(), new OutageStore(), new UserStore(),
                new AuditLog(), then);
        if (!postmortems.list(null).isEmpty()) {
            return;
        }
        long id = postmortems.create(WRITER, List.of(incidentId), "Search upgrade took the app offline");
        Postmortem draft = postmortems.load(id).postmortem();
        List<Outage> outages = database.read(handle -> new OutageStore().forIncident(handle, incidentId));
        PostmortemEdits edits = new PostmortemEdits(database, new PostmortemStore(), new TimelineStore(),
                new UserStore(), new AuditLog(), then);
        edits.patch(WRITER, id, draft.version(), new PostmortemEdits.Patch(null, sections(draft, outages), TAGS));
    }

    private Map<String, String> sections(Postmortem draft, List<Outage> outages) {
        Span web = span(outages, "web-home", draft);
        Span search = span(outages, "search-health", draft);
        String date = day.format(draft.startedAt().atZone(zone));
        return Map.of(
                "summary", summary(date, web),
                "impact", impact(draft, web, search),
                "root_causes", ROOT_CAUSES,
                "trigger", "The scheduled release on the morning of " + date + ", which upgraded the search servers to a new version. Nothing about it was unusual: "
                        + "it passed its release test on staging the day before.",
                "resolution", resolution(web, search),
                "detection", detection(draft, web, search),
                "went_well", WENT_WELL,
                "went_wrong", WENT_WRONG,
                "lucky", LUCKY,
                "supporting", "The failed checks and outages of the `search-health` and `web-home` probes are "
                        + "in Vigil, linked to the incident; the timeline on this page was built from them.");
    }

    private String summary(String date, Span web) {
        return "On " + date + ", a routine release upgraded our search servers. A watchdog setting that "
                + "differs between staging and production restarted the new search server over and over, the "
                + "automatic rollback failed too, and the web app could not load for anyone for "
                + length(web) + ". We restored the previous search version by hand. "
                + "No data was lost.\n\n"
                + "We promised three changes: make staging match production, rehearse the rollback in every "
                + "release test, and make the web app keep working, read-only, while search is unavailable.";
    }

    private String impact(Postmortem draft, Span web, Span search) {
        return "- **Web app:** fully down for " + length(web) + ", from " + at(web.from()) + " to "
                + at(web.to()) + ". Every page needs search, so nobody could use the app.\n"
                + "- **Search:** fully down for " + length(search) + ", from " + at(search.from()) + " to "
                + at(search.to()) + ".\n"
                + "- From the first failed check to recovery: " + draft.figures().impactWords()
                + ", in the middle of a working day.\n"
                + "- No data was lost: changes people were saving when it started failed visibly and could be "
                + "made again.";
    }

    private String resolution(Span web, Span search) {
        return "Once we saw the rollback fail, we stopped it and reinstalled the previous search version by hand, "
                + "one server at a time. The web app loaded again at " + at(web.to()) + " and search passed "
                + "its checks from " + at(search.to()) + ". We watched it for a few more minutes before "
                + "resolving the incident.";
    }

    private String detection(Postmortem draft, Span web, Span search) {
        return "Vigil's `search-health` probe failed first, at " + at(search.from()) + ", and confirmed the "
                + "outage " + draft.figures().undetectedWords() + " later (two failed checks in a row); "
                + "`web-home` followed " + TimeFormat.duration(Duration.between(search.from(), web.from()))
                + " after that. The incident was opened within a couple of minutes and the first public update "
                + "went out right after. Detection was quick; the time went into the repair.";
    }

    private String at(Instant instant) {
        return time.format(instant.atZone(zone));
    }

    private static String length(Span span) {
        return TimeFormat.duration(Duration.between(span.from(), span.to()));
    }

    /** How long a component was down. */
    private record Span(Instant from, Instant to) {}

    /**
     * The probe's recorded outage; the postmortem's own times when the configuration has no such
     * probe (DemoEvidence then records none), so that the text is still true to the records.
     */
    private static Span span(List<Outage> outages, String probeId, Postmortem draft) {
        return outages.stream().filter(o -> o.probeId().equals(probeId)).findFirst()
                .map(o -> new Span(o.startedAt(), o.endedAt()))
                .orElse(new Span(draft.startedAt(), draft.endedAt()));
    }

    private static final String ROOT_CAUSES = """
            1. **The search server's watchdog was set differently in production.** The watchdog restarts the \
            server when it does not answer its health check in time. In production that limit was shorter than \
            the new version needs to load its index at start-up, so the watchdog restarted it before it was \
            ready, again and again. On staging the limit is longer, so the release test passed.
            2. **The rollback automation had never been tested.** It expected the previous version to still be \
            installed next to the new one; the upgrade had already removed it, so the rollback failed and the \
            old version had to be restored by hand.
            3. **The web app cannot work without search.** Every page asks search for something, so an outage of \
            search became an outage of the whole app.""";

    private static final String WENT_WELL = """
            - Vigil noticed the outage within seconds, and the incident was open within minutes.
            - Customers heard from us early, and each update said what we knew.
            - Restoring the previous version by hand worked the first time.""";

    private static final String WENT_WRONG = """
            - Staging did not match production, so the release test could not catch the problem.
            - The rollback we counted on failed, so the previous version had to be restored by hand.
            - One failing part (search) took the whole app down with it.""";

    private static final String LUCKY = """
            - The engineer who knew how to reinstall search by hand was on shift that morning.
            - The failure was total and obvious. A search server that answered slowly, or only sometimes, would \
            have taken longer to notice.""";
}
