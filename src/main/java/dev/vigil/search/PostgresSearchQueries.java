package dev.vigil.search;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * PostgreSQL: the 'english' tsvector of V11, ranked by ts_rank (titles and tags weigh A, bodies B),
 * snippets by ts_headline on the best rows only, since it reads the whole text.
 */
final class PostgresSearchQueries implements SearchQueries {
    private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.END
            + ", MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \"";

    @Override
    public List<SearchHit> matching(Handle handle, SearchQuery query, int limit) {
        String tsquery = tsquery(query);
        String postmortems = """
                SELECT 'postmortem' AS kind, p.id AS id, p.title, p.status, p.severity, NULL AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title, s.body AS text,
                       ts_rank(s.document, %1$s) AS score
                FROM postmortem_search s JOIN postmortems p ON p.id = s.postmortem_id
                WHERE s.document @@ %1$s""".formatted(tsquery) + SearchSql.postmortemFilters(query);
        String items = """
                SELECT 'action_item' AS kind, i.id AS id, i.title, i.status, NULL AS severity, u.name AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title, s.description AS text,
                       ts_rank(s.document, %1$s) AS score
                FROM action_item_search s JOIN action_items i ON i.id = s.item_id
                JOIN postmortems p ON p.id = i.postmortem_id LEFT JOIN users u ON u.id = i.owner_id
                WHERE s.document @@ %1$s""".formatted(tsquery) + SearchSql.itemFilters(query);
        String sql = """
                SELECT kind, id, title, status, severity, owner_name, postmortem_id, postmortem_title,
                       ts_headline('english', text, %s, :options) AS snippet
                FROM (%s
                      ORDER BY score DESC, id DESC LIMIT :limit) best
                ORDER BY score DESC, id DESC""".formatted(tsquery, SearchSql.union(query, postmortems, items));
        Query statement = SearchSql.bindFilters(handle.createQuery(sql), query)
                .bind("options", HEADLINE_OPTIONS).bind("limit", limit);
        bindTerms(statement, query);
        return statement.map(SearchSql.HITS).list();
    }

    /**
     * The tsquery: one per term, all required. A word or phrase goes to websearch_to_tsquery in double
     * quotes, which reads everything inside as words and never fails; a prefix is letters and digits
     * only (SearchQuery makes sure), so "word:*" is a valid to_tsquery.
     */
    private static String tsquery(SearchQuery query) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < query.terms().size(); i++) {
            boolean prefix = query.terms().get(i).type() == SearchQuery.Term.Type.PREFIX;
            parts.add((prefix ? "to_tsquery" : "websearch_to_tsquery") + "('english', :term" + i + ")");
        }
        return "(" + String.join(" && ", parts) + ")";
    }

    private static void bindTerms(Query statement, SearchQuery query) {
        for (int i = 0; i < query.terms().size(); i++) {
            SearchQuery.Term term = query.terms().get(i);
            String text = term.type() == SearchQuery.Term.Type.PREFIX ? term.text() + ":*" : '"' + term.text() + '"';
            statement.bind("term" + i, text);
        }
    }
}
