package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The postmortem write-up (issue 4): creating one from incidents, reading it, refreshing its
 * timeline from the records, deleting it, and its template. Edits are {@link PostmortemEdits}.
 * Each public method is one transaction; a postmortem that does not exist (or was deleted) is a
 * {@link NotFound}, bad input an {@link InvalidInput} with nothing written.
 */
public final class Postmortems {
    public static final int TITLE_LIMIT = 200;
    private static final int LIST_LIMIT = 500;
    private static final int CANDIDATE_LIMIT = 50;

    /** Everything the write-up page shows, read in one transaction. */
    public record Loaded(Postmortem postmortem, List<Long> incidentIds, List<String> componentIds,
            Map<String, String> componentNames, List<PostmortemStore.Section> sections,
            List<TimelineEvent> timeline, List<String> tags, List<PostmortemStore.ItemLine> actionItems) {}

    private final Database database;
    private final PostmortemStore store;
    private final TimelineStore timeline;
    private final TemplateSections template;
    private final IncidentRecords records;
    private final IncidentStore incidents;
    private final OutageStore outages;
    private final UserStore users;
    private final AuditLog audit;
    private final Clock clock;
    private final TimelineBuilder builder = new TimelineBuilder();

    public Postmortems(Database database, PostmortemStore store, TimelineStore timeline, TemplateSections template,
            IncidentRecords records, IncidentStore incidents, OutageStore outages, UserStore users, AuditLog audit,
            Clock clock) {
        this.database = database;
        this.store = store;
        this.timeline = timeline;
        this.template = template;
        this.records = records;
        this.incidents = incidents;
        this.outages = outages;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a draft postmortem of the given incidents, filled from what Vigil recorded: times,
     * severity, components, the template's sections and the timeline. A blank title takes the
     * first incident's name. Returns its id.
     */
    public long create(User actor, List<Long> incidentIds, String title) {
        return create(Actor.of(actor), incidentIds, title);
    }

    /** Creates as {@link #create(User, List, String)}; the owner is the person acting, nobody for an API token. */
    public long create(Actor actor, List<Long> incidentIds, String title) {
        Set<Long> ids = new LinkedHashSet<>(incidentIds);
        if (ids.isEmpty()) {
            throw InvalidInput.of("incident", "Choose at least one incident to write up.");
        }
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.length() > TITLE_LIMIT) {
            throw InvalidInput.of("title", "The title is " + trimmed.length() + " characters; at most "
                    + TITLE_LIMIT + " fit.");
        }
        Instant now = clock.instant();
        return database.write(handle -> {
            List<Incident> chosen = new ArrayList<>();
            for (long id : ids) {
                chosen.add(incidents.find(handle, id).orElseThrow(() -> InvalidInput.of("incident",
                        "There is no incident " + id + " (it may have been merged into another).")));
            }
            Map<Long, List<Outage>> outagesByIncident = new LinkedHashMap<>();
            chosen.forEach(i -> outagesByIncident.put(i.id(), outages.forIncident(handle, i.id())));
            RecordedTimes times = RecordedTimes.of(chosen, outagesByIncident);
            Severity severity = chosen.stream().map(i -> Severity.of(i.impact())).reduce(Severity.SEV4, Severity::worst);
            String name = trimmed.isEmpty() ? chosen.get(0).name() : trimmed;
            long id = store.insert(handle, new PostmortemStore.NewPostmortem(name, severity, actor.userId(),
                    times.startedAt(), times.detectedAt(), times.endedAt(), "", now, actor.ref()));
            Set<String> components = new java.util.TreeSet<>();
            for (Incident incident : chosen) {
                store.addIncident(handle, id, incident.id());
                components.addAll(incident.componentIds());
            }
            components.forEach(component -> store.addComponent(handle, id, component));
            for (TemplateSections.TemplateSection s : template.all(handle)) {
                store.addSection(handle, id, s.key(), s.position(), s.title(), "", now);
            }
            addMissingEvents(handle, id, chosen, outagesByIncident, now, actor.ref());
            audit.record(handle, now, actor.ref(), "postmortem.created", "postmortem", Long.toString(id), name);
            return id;
        });
    }

    /** The postmortem with everything its page shows; 404 when there is none. */
    public Loaded load(long id) {
        return database.read(handle -> {
            Postmortem postmortem = existing(handle, id);
            return new Loaded(postmortem, store.incidentIds(handle, id), store.componentIds(handle, id),
                    records.componentNames(handle), store.sections(handle, id), timeline.events(handle, id),
                    store.tags(handle, id), store.actionItems(handle, id));
        });
    }

    /** Postmortems not deleted, newest first; status null means all. */
    public List<PostmortemStore.ListRow> list(PostmortemStatus status) {
        return database.read(handle -> store.list(handle, status, LIST_LIMIT));
    }

    /** Resolved incidents to write up, the given one (if any) first whatever its state. */
    public List<IncidentRecords.Candidate> candidates(Long include) {
        return database.read(handle -> records.candidates(handle, include, CANDIDATE_LIMIT));
    }

    /** The people who may own a postmortem: every user not disabled. */
    public List<User> possibleOwners() {
        return database.read(handle -> users.all(handle).stream().filter(u -> !u.disabled()).toList());
    }

    public List<PostmortemStore.Revision> revisions(long id) {
        return database.read(handle -> {
            existing(handle, id);
            return store.revisions(handle, id);
        });
    }

    /**
     * Adds to the timeline the recorded events it does not have yet (new updates, a recovery since);
     * events already there, hidden or annotated ones included, are left alone. Returns how many were added.
     */
    public int refreshTimeline(User actor, long id) {
        Instant now = clock.instant();
        return database.write(handle -> {
            existing(handle, id);
            List<Incident> linked = new ArrayList<>();
            Map<Long, List<Outage>> outagesByIncident = new LinkedHashMap<>();
            for (long incidentId : store.incidentIds(handle, id)) {
                incidents.find(handle, incidentId).ifPresent(incident -> {
                    linked.add(incident);
                    outagesByIncident.put(incidentId, outages.forIncident(handle, incidentId));
                });
            }
            int added = addMissingEvents(handle, id, linked, outagesByIncident, now, actor.actor());
            if (added > 0) {
                handle.createUpdate("UPDATE postmortems SET version = version + 1, updated_at = :now WHERE id = :id")
                        .bind("now", now.toEpochMilli()).bind("id", id).execute();
                store.addRevision(handle, new PostmortemStore.Revision(0, id, now, actor.actor(), actor.name(),
                        "timeline", null, added + " events added from the records"));
            }
            return added;
        });
    }

    /** Admins delete: the postmortem vanishes from lists and pages; its rows and history stay. */
    public void delete(User actor, long id) {
        delete(Actor.of(actor), id);
    }

    public void delete(Actor actor, long id) {
        Instant now = clock.instant();
        database.write(handle -> {
            Postmortem postmortem = existing(handle, id);
            store.markDeleted(handle, id, now);
            audit.record(handle, now, actor.ref(), "postmortem.deleted", "postmortem", Long.toString(id),
                    postmortem.title());
            return null;
        });
    }

    public List<TemplateSections.TemplateSection> template() {
        return database.read(template::all);
    }

    /** Replaces the template new postmortems start with; existing ones keep their sections. */
    public void saveTemplate(User actor, List<TemplateSections.TemplateSection> sections) {
        TemplateRules.check(sections);
        Instant now = clock.instant();
        database.write(handle -> {
            template.replace(handle, sections, now);
            audit.record(handle, now, actor.actor(), "postmortem.template_edited", "postmortem_template", "-",
                    sections.size() + " sections");
            return null;
        });
    }

    private int addMissingEvents(Handle handle, long id, List<Incident> linked, Map<Long, List<Outage>> byIncident,
            Instant now, String actor) {
        List<Outage> all = byIncident.values().stream().flatMap(List::stream).toList();
        Map<Long, TimelineBuilder.FirstFailure> firstFailures = new LinkedHashMap<>();
        for (Outage outage : all) {
            records.firstFailure(handle, outage.probeId(), outage.startedAt())
                    .ifPresent(first -> firstFailures.put(outage.id(), first));
        }
        List<TimelineEvent.New> events = builder.build(new TimelineBuilder.Records(linked, all, firstFailures,
                records.componentNames(handle)));
        Set<String> present = timeline.sourceRefs(handle, id);
        int added = 0;
        for (TimelineEvent.New event : events) {
            if (present.add(event.sourceRef())) {
                timeline.insert(handle, id, event, now, actor);
                added++;
            }
        }
        return added;
    }

    private Postmortem existing(Handle handle, long id) {
        return store.find(handle, id).orElseThrow(() -> new NotFound("No postmortem " + id));
    }

}
