package dev.vigil.incidents.console;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.incidents.ImpactChanges;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.outages.OutageStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the console's incident pages read, each page's worth in one read transaction. */
final class IncidentReads {
    /** More than a screenful; older incidents stay on the public history and in the database. */
    static final int LIST_LIMIT = 200;

    private final Database database;
    private final IncidentStore incidents;
    private final StaffIncidentStore staff;
    private final ComponentStore components;
    private final OutageStore outages;
    private final RevisionStore revisions;
    private final NoticeStore notices;
    private final TemplateStore templates;
    private final ImpactChanges impacts = new ImpactChanges();

    IncidentReads(Database database, IncidentStore incidents, StaffIncidentStore staff, ComponentStore components,
            OutageStore outages, RevisionStore revisions, NoticeStore notices, TemplateStore templates) {
        this.database = database;
        this.incidents = incidents;
        this.staff = staff;
        this.components = components;
        this.outages = outages;
        this.revisions = revisions;
        this.notices = notices;
        this.templates = templates;
    }

    /** One incident as one transaction sees it, with its update's revisions. */
    record WithRevisions(Incident incident, List<RevisionStore.Revision> revisions) {}

    /** One incident with its notice. */
    record WithNotice(Incident incident, Optional<NoticeStore.Notice> notice) {}

    List<StaffIncidentStore.Row> list() {
        return database.read(handle -> staff.list(handle, LIST_LIMIT));
    }

    Optional<IncidentViews.Loaded> incidentPage(long id) {
        return database.read(handle -> incidents.find(handle, id).map(incident -> new IncidentViews.Loaded(incident,
                components.all(handle), outages.forIncident(handle, id), revisions.countsFor(handle, id),
                notices.find(handle, id), staff.list(handle, LIST_LIMIT), templates.all(handle),
                impacts.of(handle, id))));
    }

    Optional<WithRevisions> withRevisions(long id, long updateId) {
        return database.read(handle -> incidents.find(handle, id)
                .map(incident -> new WithRevisions(incident, revisions.of(handle, updateId))));
    }

    Optional<WithNotice> withNotice(long id) {
        return database.read(handle -> incidents.find(handle, id)
                .map(incident -> new WithNotice(incident, notices.find(handle, id))));
    }

    /** The incident a merged one went into. */
    Optional<Long> mergedInto(long id) {
        return database.read(handle -> staff.mergedInto(handle, id));
    }

    List<Component> components() {
        return database.read(components::all);
    }

    Set<String> componentIds() {
        return components().stream().map(Component::id).collect(Collectors.toSet());
    }

    List<TemplateStore.Template> templates() {
        return database.read(templates::all);
    }
}
