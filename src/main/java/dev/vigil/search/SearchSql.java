package dev.vigil.search;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * What both stores share: the filters, the columns of a result row, and browsing without words
 * (by tag or status, newest first). Each branch names the postmortem p and, for items, the item i.
 */
final class SearchSql {
    private static final String KIND_POSTMORTEM = "postmortem";

    private SearchSql() {}

    /** The conditions on a postmortem branch, each starting with AND. */
    static String postmortemFilters(SearchQuery query) {
        return " AND p.deleted_at IS NULL" + (query.status() == null ? "" : " AND p.status = :status")
                + tagFilters(query, "p.id");
    }

    /** The conditions on an item branch, each starting with AND. */
    static String itemFilters(SearchQuery query) {
        return " AND i.deleted_at IS NULL AND p.deleted_at IS NULL"
                + (query.status() == null ? "" : " AND i.status = :status") + tagFilters(query, "i.postmortem_id");
    }

    private static String tagFilters(SearchQuery query, String postmortemId) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < query.tags().size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM postmortem_tags g WHERE g.postmortem_id = ").append(postmortemId)
                    .append(" AND g.tag = :tag").append(i).append(')');
        }
        return sql.toString();
    }

    /** Binds what the filters name. */
    static Query bindFilters(Query statement, SearchQuery query) {
        if (query.status() != null) {
            statement.bind("status", query.status());
        }
        int i = 0;
        for (String tag : query.tags()) {
            statement.bind("tag" + i++, tag);
        }
        return statement;
    }

    /** Joins the branches the query's kind asks for. */
    static String union(SearchQuery query, String postmortems, String items) {
        List<String> branches = new ArrayList<>();
        if (query.kind().postmortems()) {
            branches.add(postmortems);
        }
        if (query.kind().items()) {
            branches.add(items);
        }
        return String.join("\nUNION ALL\n", branches);
    }

    /** Columns: kind, id, title, status, severity, owner_name, postmortem_id, postmortem_title, snippet. */
    static final RowMapper<SearchHit> HITS = (rs, ctx) -> new SearchHit(
            KIND_POSTMORTEM.equals(rs.getString("kind")) ? SearchHit.Kind.POSTMORTEM : SearchHit.Kind.ACTION_ITEM,
            rs.getLong("id"), rs.getString("title"), rs.getString("status"), rs.getString("severity"), List.of(),
            rs.getString("owner_name"), rs.getLong("postmortem_id"), rs.getString("postmortem_title"),
            Snippets.toHtml(rs.getString("snippet")));

    /** Without words to match: the postmortems and items the filters allow, newest first. */
    static List<SearchHit> browse(Handle handle, SearchQuery query, int limit) {
        String postmortems = """
                SELECT 'postmortem' AS kind, p.id AS id, p.title, p.status, p.severity, NULL AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title, '' AS snippet, p.created_at AS created_at
                FROM postmortems p WHERE 1 = 1""" + postmortemFilters(query);
        String items = """
                SELECT 'action_item' AS kind, i.id AS id, i.title, i.status, NULL AS severity, u.name AS owner_name,
                       p.id AS postmortem_id, p.title AS postmortem_title, '' AS snippet, i.created_at AS created_at
                FROM action_items i JOIN postmortems p ON p.id = i.postmortem_id LEFT JOIN users u ON u.id = i.owner_id
                WHERE 1 = 1""" + itemFilters(query);
        String sql = union(query, postmortems, items) + "\nORDER BY created_at DESC, id DESC LIMIT :limit";
        return bindFilters(handle.createQuery(sql), query).bind("limit", limit).map(HITS).list();
    }
}
