package dev.vigil.db;

/** The two stores Vigil runs on. Most SQL is shared; a few placeholders and migrations differ. */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "db/sqlite"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", "db/postgresql");

    private final String autoIdColumn;
    private final String migrationFolder;

    Dialect(String autoIdColumn, String migrationFolder) {
        this.autoIdColumn = autoIdColumn;
        this.migrationFolder = migrationFolder;
    }

    /** The classpath folder of the migrations written for this store only, beside the shared db/migration. */
    public String migrationFolder() {
        return migrationFolder;
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
                "VIGIL_DB_URL: the database kind \"" + kind(jdbcUrl) + "\" is not supported; use jdbc:sqlite:FILE or "
                        + "jdbc:postgresql://HOST/DB");
    }

    /** The URL's scheme ("jdbc:mysql"), never the rest: the rest may hold a password. */
    private static String kind(String jdbcUrl) {
        String[] parts = jdbcUrl.split(":", 3);
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : "";
    }
}
