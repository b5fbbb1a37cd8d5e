package dev.vigil.db;

import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * How far a background job that folds rows into others has got (table rollup_progress), kept in the same
 * transaction as the rows it wrote, so that a job that stops at any moment and runs again never folds a
 * row twice nor skips one. Callers own the transaction.
 */
public final class ProgressMarks {

    public OptionalLong get(Handle handle, String name) {
        return handle.createQuery("SELECT position FROM rollup_progress WHERE name = :name")
                .bind("name", name).mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Moves the mark from where it was read to next (compare-and-set). Throws when another run moved it
     * meanwhile, which rolls back the caller's transaction and so the rows it wrote from the same start.
     */
    public void move(Handle handle, String name, OptionalLong read, long next) {
        int changed = read.isPresent()
                ? handle.createUpdate("UPDATE rollup_progress SET position = :next WHERE name = :name AND position = :read")
                        .bind("next", next).bind("name", name).bind("read", read.getAsLong()).execute()
                : handle.createUpdate("INSERT INTO rollup_progress (name, position) VALUES (:name, :next)")
                        .bind("name", name).bind("next", next).execute();
        if (changed != 1) {
            throw new IllegalStateException("the progress of " + name + " moved while this run was folding rows");
        }
    }
}
