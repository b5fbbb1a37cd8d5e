package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.ImpactChanges;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.markdown.Markdown;
import dev.vigil.outages.OutageStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import java.time.Clock;

/**
 * The incident part of the staff console (issue 3): its handlers, for the route table, and the
 * admin API's notices, which share the console's notice service.
 */
public record IncidentConsole(IncidentHandlers incidents, NewIncidentHandlers creation, CorrectionHandlers corrections,
        NoticeHandlers notices, TemplateHandlers templates, PreviewHandler preview, NoticeApi noticeApi) {

    /** Builds it; onChange runs after every change customers can see (it rebuilds the public page). */
    public static IncidentConsole build(Database database, IncidentStore incidents, ComponentStore components,
            OutageStore outages, AuditLog audit, Markdown markdown, Templates pages, SiteConfig site, Clock clock,
            Runnable onChange) {
        TimeFormat times = new TimeFormat(site.timeZone());
        StaffIncidentStore staff = new StaffIncidentStore();
        RevisionStore revisions = new RevisionStore();
        NoticeStore noticeStore = new NoticeStore();
        TemplateStore templateStore = new TemplateStore();
        IncidentReads reads = new IncidentReads(database, incidents, staff, components, outages, revisions,
                noticeStore, templateStore);
        IncidentEditor editor = new IncidentEditor(database, incidents, staff, revisions, new ImpactChanges(),
                components, audit, clock, onChange);
        IncidentMerger merger = new IncidentMerger(database, incidents, staff, outages, audit, clock, onChange);
        Notices notices = new Notices(database, incidents, noticeStore, components, outages,
                new NoticeDraft(times, site.url()), audit, clock, onChange);
        TemplatePicker picker = new TemplatePicker(database, templateStore);
        IncidentForms forms = new IncidentForms(site.timeZone(), clock);
        IncidentViews views = new IncidentViews(times, markdown, clock);
        String siteName = site.name();
        return new IncidentConsole(
                new IncidentHandlers(reads, editor, merger, picker, forms, views, pages, siteName),
                new NewIncidentHandlers(reads, editor, picker, forms, views, pages, siteName),
                new CorrectionHandlers(reads, editor, views, pages, siteName),
                new NoticeHandlers(reads, notices, views, pages, siteName),
                new TemplateHandlers(reads, new UpdateTemplates(database, templateStore, audit, clock), views, pages,
                        siteName),
                new PreviewHandler(markdown),
                new NoticeApi(reads, notices, times));
    }
}
