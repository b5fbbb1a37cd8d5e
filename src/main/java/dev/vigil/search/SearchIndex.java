package dev.vigil.search;

import dev.vigil.db.Database;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Searching postmortems and action items (issue 4). The index itself is kept by the triggers of
 * migration V11, so the features that write postmortems and items never call this class.
 */
public final class SearchIndex {
    /** The most results a search shows. */
    public static final int LIMIT = 50;

    private final Database database;
    private final SearchQueries queries;

    public SearchIndex(Database database) {
        this.database = database;
        this.queries = SearchQueries.of(database.dialect());
    }

    /** The results of a search, best first, and whether there were more than {@link #LIMIT}. */
    public record Results(List<SearchHit> hits, boolean more) {}

    /** A tag, and how many postmortems (not deleted) carry it. */
    public record TagCount(String tag, long count) {}

    /** Matches of the query's words, best first; without words, what its filters allow, newest first. */
    public Results search(SearchQuery query) {
        if (query.isEmpty()) {
            return new Results(List.of(), false);
        }
        return database.read(handle -> {
            List<SearchHit> hits = query.hasTerms()
                    ? queries.matching(handle, query, LIMIT + 1) : SearchSql.browse(handle, query, LIMIT + 1);
            boolean more = hits.size() > LIMIT;
            return new Results(withTags(handle, more ? hits.subList(0, LIMIT) : hits), more);
        });
    }

    /** Every tag in use, alphabetically, with its count. */
    public List<TagCount> tags() {
        return database.read(handle -> handle.createQuery("""
                        SELECT g.tag, COUNT(*) AS count FROM postmortem_tags g
                        JOIN postmortems p ON p.id = g.postmortem_id
                        WHERE p.deleted_at IS NULL GROUP BY g.tag ORDER BY g.tag""")
                .map((rs, ctx) -> new TagCount(rs.getString("tag"), rs.getLong("count"))).list());
    }

    private static List<SearchHit> withTags(Handle handle, List<SearchHit> hits) {
        List<Long> postmortems = hits.stream().filter(SearchHit::isPostmortem).map(SearchHit::id).toList();
        if (postmortems.isEmpty()) {
            return hits;
        }
        Map<Long, List<String>> tags = handle.createQuery(
                        "SELECT postmortem_id, tag FROM postmortem_tags WHERE postmortem_id IN (<ids>) ORDER BY tag")
                .bindList("ids", postmortems)
                .map((rs, ctx) -> Map.entry(rs.getLong("postmortem_id"), rs.getString("tag")))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return hits.stream()
                .map(hit -> hit.isPostmortem() ? hit.withTags(tags.getOrDefault(hit.id(), List.of())) : hit)
                .toList();
    }
}
