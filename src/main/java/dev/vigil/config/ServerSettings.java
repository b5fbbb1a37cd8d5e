package dev.vigil.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The settings that come only from the environment: they differ per machine, not per status
 * page, so they stay out of the YAML file.
 */
record ServerSettings(int port, Path dataDir, String dbUrl, String bootstrapToken) {
    static final int DEFAULT_PORT = 7070;
    static final Path DEFAULT_DATA_DIR = Path.of("data");
    /** A bootstrap token is an admin credential: as long as the random ones Vigil makes (43 characters). */
    static final int MIN_BOOTSTRAP_TOKEN = 32;

    static ServerSettings from(Map<String, String> env, Problems problems) {
        int port = port(variable(env, "VIGIL_PORT"), problems);
        Path dataDir = dataDir(variable(env, "VIGIL_DATA_DIR"), problems);
        String dbUrl = dbUrl(variable(env, "VIGIL_DB_URL"), dataDir, problems);
        String bootstrapToken = bootstrapToken(variable(env, "VIGIL_BOOTSTRAP_TOKEN"), problems);
        return new ServerSettings(port, dataDir, dbUrl, bootstrapToken);
    }

    // An empty variable counts as unset, as container tools often pass VAR= for "not given".
    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int port(String value, Problems problems) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
            problems.add("VIGIL_PORT", Values.show(value)
                    + " must be a whole number from 0 to 65535 (0 picks any free port)");
            return DEFAULT_PORT;
        }
        return Integer.parseInt(value);
    }

    private static Path dataDir(String value, Problems problems) {
        if (value == null) {
            return DEFAULT_DATA_DIR;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            problems.add("VIGIL_DATA_DIR", Values.show(value) + " is not a valid path: " + e.getReason());
            return DEFAULT_DATA_DIR;
        }
    }

    // A URL like postgres://... is a common slip; the driver would only fail later and less clearly.
    private static String dbUrl(String value, Path dataDir, Problems problems) {
        if (value == null) {
            return "jdbc:sqlite:" + dataDir.resolve("vigil.db");
        }
        if (!value.startsWith("jdbc:")) {
            problems.add("VIGIL_DB_URL", Values.show(value) + " must be a JDBC URL starting with jdbc:");
        }
        return value;
    }

    // The value is a secret, so the messages describe it without repeating it.
    private static String bootstrapToken(String value, Problems problems) {
        if (value == null) {
            return null;
        }
        if (value.length() < MIN_BOOTSTRAP_TOKEN || !value.matches("[\\x21-\\x7e]+")) {
            problems.add("VIGIL_BOOTSTRAP_TOKEN", "must be at least " + MIN_BOOTSTRAP_TOKEN
                    + " printable ASCII characters without spaces (it has " + value.length() + " characters)");
            return null;
        }
        return value;
    }
}
