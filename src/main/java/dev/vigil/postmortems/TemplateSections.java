package dev.vigil.postmortems;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the sections a new postmortem starts with (postmortem_template_sections). Existing
 * postmortems keep the sections they were created with. Callers own the transaction.
 */
public final class TemplateSections {

    /** One section of the template. */
    public record TemplateSection(String key, int position, String title, String guidance) {}

    public List<TemplateSection> all(Handle handle) {
        return handle.createQuery("SELECT * FROM postmortem_template_sections ORDER BY position, section_key")
                .map((rs, ctx) -> new TemplateSection(rs.getString("section_key"), rs.getInt("position"),
                        rs.getString("title"), rs.getString("guidance")))
                .list();
    }

    /** Replaces the whole template with the given sections. */
    public void replace(Handle handle, List<TemplateSection> sections, Instant now) {
        handle.createUpdate("DELETE FROM postmortem_template_sections").execute();
        for (TemplateSection s : sections) {
            handle.createUpdate("""
                    INSERT INTO postmortem_template_sections (section_key, position, title, guidance, updated_at)
                    VALUES (:key, :position, :title, :guidance, :now)""")
                    .bind("key", s.key()).bind("position", s.position()).bind("title", s.title())
                    .bind("guidance", s.guidance()).bind("now", now.toEpochMilli()).execute();
        }
    }
}
