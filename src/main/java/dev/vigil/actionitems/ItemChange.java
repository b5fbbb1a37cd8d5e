package dev.vigil.actionitems;

import java.time.Instant;

/** One row of an item's history: a field changed by someone at a time. before is null on creation. */
record ItemChange(long id, Instant at, String actor, String actorName, String field, String before,
        String after) {}
