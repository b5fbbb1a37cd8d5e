package dev.vigil.search;

import dev.vigil.db.Dialect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The full-text part of a search, which each store words its own way (V11 built their indexes). */
interface SearchQueries {

    /**
     * The best matches of the query's terms first, at most limit, with the query's filters applied and
     * deleted postmortems and items (and the items of deleted postmortems) left out. Tags are not filled in.
     */
    List<SearchHit> matching(Handle handle, SearchQuery query, int limit);

    static SearchQueries of(Dialect dialect) {
        return dialect == Dialect.SQLITE ? new SqliteSearchQueries() : new PostgresSearchQueries();
    }
}
