package dev.vigil.testing;

/** Where a {@link TestDatabase} keeps its data: made empty on create, gone after drop. */
interface EmptyStore {

    /** Creates the empty database and returns its JDBC URL. */
    String create();

    /** Removes the database and everything in it. */
    void drop();
}
