package dev.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.db.Dialect;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.markdown.Prompts;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The notice SQL on SQLite and PostgreSQL: publishing by compare-and-set, and old drafts' prompts upgraded. */
class NoticeStorageTest {
    private static final Instant AT = Instant.parse("2026-11-17T20:00:00Z");
    /** A draft as the generator wrote it before prompts had a marker, half edited by a person. */
    private static final String OLD_DRAFT = """
            ### What happened

            Checkout failed for an hour.

            ### Why it happened

            _Explain the cause in plain words, without jargon or blame. Own it, even if a supplier was involved._

            ### What we are changing

            _We alert on disk space now._

            ### Our apology

            _Say sorry in your own words and mean it: name what this cost our customers, not only that it happened._
            """;

    private final NoticeStore notices = new NoticeStore();

    @OnEachBackend
    void aDraftChangedSinceItWasCheckedIsNotPublished(TestDatabase store) {
        Database database = store.open();
        long incident = database.write(h -> new IncidentStore().create(h, new NewIncident("Checkout errors",
                IncidentStatus.RESOLVED, Impact.MAJOR, AT, AT, "staff", null)));
        database.write(h -> {
            notices.saveDraft(h, incident, "Checked words.", AT, "user:1");
            notices.saveDraft(h, incident, "[Write: saved meanwhile.]", AT, "user:2");
            return null;
        });

        boolean stale = database.write(h -> notices.publish(h, incident, "Checked words.", AT, "user:1"));
        long afterStale = publications(database);
        boolean current = database.write(h -> notices.publish(h, incident, "[Write: saved meanwhile.]", AT, "user:2"));

        assertThat(stale).isFalse();
        assertThat(afterStale).isZero();
        assertThat(current).isTrue();
        assertThat(publications(database)).isEqualTo(1);
    }

    @OnEachBackend
    void theUpgradeTurnsAnOldDraftsUntouchedPromptsIntoWritePromptsAndLeavesWordsAlone(TestDatabase store) {
        Dialect dialect = store.dialect();
        Flyway.configure().dataSource(store.url(), null, null)
                .locations("classpath:db/migration", "classpath:" + dialect.migrationFolder())
                .placeholders(Map.of("auto_id", dialect.autoIdColumn())).target("16").load().migrate();
        long incident = Jdbi.create(store.url()).withHandle(h -> {
            h.execute("INSERT INTO incidents (name, status, impact, started_at, created_at, updated_at, source)"
                    + " VALUES ('Checkout errors', 'resolved', 'major', 0, 0, 0, 'staff')");
            long id = h.createQuery("SELECT MAX(id) FROM incidents").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO incident_notices (incident_id, draft, draft_updated_at, draft_updated_by)"
                    + " VALUES (:id, :draft, 0, 'user:1')").bind("id", id).bind("draft", OLD_DRAFT).execute();
            return id;
        });

        Database database = store.open();

        String draft = database.read(h -> notices.find(h, incident)).orElseThrow().draft();
        assertThat(Prompts.unwrittenParts(draft)).containsExactly("Why it happened", "Our apology");
        assertThat(draft).contains("[Write: Explain the cause in plain words, without jargon or blame. Own it, even if "
                + "a supplier was involved.]").contains("Checkout failed for an hour.")
                .contains("_We alert on disk space now._");
    }

    private static long publications(Database database) {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM notice_publications").mapTo(Long.class).one());
    }
}
