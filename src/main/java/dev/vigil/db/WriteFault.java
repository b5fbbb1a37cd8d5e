package dev.vigil.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * A write that failed because of the database (locked, read-only, full, unreachable, refusing writes) rather
 * than because of what was written. Such a write is worth trying again later, unchanged: the transaction was
 * rolled back whole. A failure that is not one of these (a broken constraint, a row our own code refuses) is
 * the data's fault, and trying it again cannot help.
 *
 * @param reason what a person is told, such as "database is locked" or "disk full"
 */
public record WriteFault(String reason) {

    /** The database's fault behind this failure, if it is one; empty when the data itself was refused. */
    public static Optional<WriteFault> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<WriteFault> fault = cause instanceof SQLiteException sqlite ? ofSqlite(sqlite)
                    : cause instanceof SQLException sql ? ofSql(sql)
                    : cause instanceof SharedMemoryGuard.UnwritableDatabase ? Optional.of(new WriteFault(cause.getMessage()))
                    : Optional.empty();
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /** Primary result codes, https://www.sqlite.org/rescode.html. */
    private static Optional<WriteFault> ofSqlite(SQLiteException e) {
        int primary = e.getResultCode().code & 0xFF;
        return Optional.ofNullable(switch (primary) {
            case 5, 6 -> "database is locked (another connection holds its write lock)";
            case 7 -> "the database ran out of memory";
            case 8 -> "the database is read-only";
            case 10 -> "disk I/O error";
            case 11, 26 -> "the database file is damaged";
            case 13 -> "disk full";
            case 14 -> "cannot open the database file";
            case 15 -> "the database file's locks are in disorder";
            default -> null;
        }).map(WriteFault::new);
    }

    /** SQLSTATE classes, https://www.postgresql.org/docs/current/errcodes-appendix.html. */
    private static Optional<WriteFault> ofSql(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || state.startsWith("08")) {
            return Optional.of(new WriteFault("the database is unreachable: " + message));
        }
        if (state.equals("53100")) {
            return Optional.of(new WriteFault("disk full: " + message));
        }
        if (state.equals("25006")) {
            return Optional.of(new WriteFault("the database is read-only: " + message));
        }
        if (state.equals("42501")) {
            return Optional.of(new WriteFault("the database refuses writes: " + message));
        }
        if (state.equals("55P03") || state.startsWith("40")) {
            return Optional.of(new WriteFault("database is locked: " + message));
        }
        if (state.startsWith("53") || state.startsWith("57") || state.startsWith("58") || state.startsWith("XX")) {
            return Optional.of(new WriteFault("the database cannot take writes: " + message));
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
