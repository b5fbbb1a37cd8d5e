package dev.vigil.db;

/** The two stores Vigil runs on. The SQL is shared; only a few placeholders differ. */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY");

    private final String autoIdColumn;

    Dialect(String autoIdColumn) {
        this.autoIdColumn = autoIdColumn;
    }

    /** Column definition of a generated numeric primary key, used by the migrations as ${auto_id}. */
    public String autoIdColumn() {
        return autoIdColumn;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "VIGIL_DB_URL: \"" + jdbcUrl + "\" is not supported; use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }
}
