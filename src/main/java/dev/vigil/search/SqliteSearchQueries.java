package dev.vigil.search;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQLite: FTS5 MATCH, ranked by bm25 with a title counting ten times a body word (and a tag five
 * times), snippets cut from the body or description. bm25 is lower for better matches, so its
 * negation is the score.
 */
final class SqliteSearchQueries implements SearchQueries {
    private static final int SNIPPET_TOKENS = 24;

    @Override
    public List<SearchHit> matching(Handle handle, SearchQuery query, int limit) {
        String postmortems = """
                SELECT 'postmortem' AS kind, p.id AS id, p.title, p.status, p.severity, NULL AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title,
                       snippet(postmortem_search, 1, char(57344), char(57345), '…', %d) AS snippet,
                       -bm25(postmortem_search, 10.0, 1.0, 5.0) AS score
                FROM postmortem_search JOIN postmortems p ON p.id = postmortem_search.rowid
                WHERE postmortem_search MATCH :match""".formatted(SNIPPET_TOKENS) + SearchSql.postmortemFilters(query);
        String items = """
                SELECT 'action_item' AS kind, i.id AS id, i.title, i.status, NULL AS severity, u.name AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title,
                       snippet(action_item_search, 1, char(57344), char(57345), '…', %d) AS snippet,
                       -bm25(action_item_search, 10.0, 1.0) AS score
                FROM action_item_search JOIN action_items i ON i.id = action_item_search.rowid
                JOIN postmortems p ON p.id = i.postmortem_id LEFT JOIN users u ON u.id = i.owner_id
                WHERE action_item_search MATCH :match""".formatted(SNIPPET_TOKENS) + SearchSql.itemFilters(query);
        String sql = SearchSql.union(query, postmortems, items) + "\nORDER BY score DESC, id DESC LIMIT :limit";
        return SearchSql.bindFilters(handle.createQuery(sql), query)
                .bind("match", expression(query)).bind("limit", limit).map(SearchSql.HITS).list();
    }

    /**
     * The FTS5 expression: every term a quoted string (quotes inside doubled), so NEAR, AND, -, : and
     * parentheses are only text; a prefix is the quoted string followed by *. Terms side by side must all match.
     */
    static String expression(SearchQuery query) {
        return query.terms().stream().map(SqliteSearchQueries::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(SearchQuery.Term term) {
        String string = '"' + term.text().replace("\"", "\"\"") + '"';
        return term.type() == SearchQuery.Term.Type.PREFIX ? string + '*' : string;
    }
}
