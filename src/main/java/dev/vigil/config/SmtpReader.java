package dev.vigil.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the smtp block. Each key may also come from a VIGIL_SMTP_* variable, which wins over the
 * file, so that a password can stay out of the file; a bad variable is reported under its own name.
 */
final class SmtpReader {
    private static final List<String> KEYS = List.of("host", "port", "username", "password", "from", "starttls");
    static final int DEFAULT_PORT = 587;
    private static final Pattern ADDRESS = Pattern.compile("[^<>@\\s]+@[^<>@\\s]+\\.[^<>@\\s]+");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>]*<" + ADDRESS.pattern() + ">");
    private static final List<String> VARIABLES = List.of(
            "VIGIL_SMTP_HOST", "VIGIL_SMTP_PORT", "VIGIL_SMTP_USERNAME", "VIGIL_SMTP_PASSWORD", "VIGIL_SMTP_FROM");

    private SmtpReader() {}

    /** The mail server, or null when neither the file nor VIGIL_SMTP_HOST configures one (or it is broken). */
    static SmtpConfig read(Section root, Map<String, String> env, Problems problems) {
        boolean inFile = root.raw("smtp") != null;
        Section smtp = root.mapping("smtp", KEYS).orElse(null);
        if (smtp == null) {
            return null;
        }
        String host = text(smtp, "host", env, "VIGIL_SMTP_HOST");
        if (!inFile && host == null) {
            reportStrayVariables(env, problems);
            return null;
        }
        if (host == null) {
            smtp.complain("host", "required (or set VIGIL_SMTP_HOST)");
        }
        int port = port(smtp, env, problems);
        String username = text(smtp, "username", env, "VIGIL_SMTP_USERNAME");
        String password = text(smtp, "password", env, "VIGIL_SMTP_PASSWORD");
        String from = from(smtp, env, problems);
        boolean starttls = smtp.flag("starttls", true);
        if (password != null && username == null) {
            smtp.complain("password", "is set without a user name; set smtp.username (or VIGIL_SMTP_USERNAME) too");
        }
        if (username != null && password == null) {
            smtp.complain("username", "is set without a password; set smtp.password (or VIGIL_SMTP_PASSWORD) too");
        }
        return new SmtpConfig(host == null ? null : host.strip(), port, username, password, from, starttls);
    }

    private static String text(Section smtp, String key, Map<String, String> env, String variable) {
        String fromEnv = variable(env, variable);
        return fromEnv != null ? fromEnv : smtp.optionalText(key);
    }

    private static int port(Section smtp, Map<String, String> env, Problems problems) {
        String fromEnv = variable(env, "VIGIL_SMTP_PORT");
        if (fromEnv == null) {
            return smtp.wholeNumber("port", DEFAULT_PORT, 1, 65535);
        }
        if (!fromEnv.strip().matches("\\d{1,5}") || Integer.parseInt(fromEnv.strip()) < 1
                || Integer.parseInt(fromEnv.strip()) > 65535) {
            problems.add("VIGIL_SMTP_PORT", Values.show(fromEnv) + " must be a whole number from 1 to 65535");
            return DEFAULT_PORT;
        }
        return Integer.parseInt(fromEnv.strip());
    }

    private static String from(Section smtp, Map<String, String> env, Problems problems) {
        String fromEnv = variable(env, "VIGIL_SMTP_FROM");
        String from = fromEnv != null ? fromEnv.strip() : smtp.optionalText("from");
        if (from == null) {
            smtp.complain("from", "required (or set VIGIL_SMTP_FROM)");
            return null;
        }
        if (!ADDRESS.matcher(from.strip()).matches() && !NAMED_ADDRESS.matcher(from.strip()).matches()) {
            String requirement = " must be an email address, such as status@acme.example or "
                    + "\"Acme Status <status@acme.example>\"";
            if (fromEnv != null) {
                problems.add("VIGIL_SMTP_FROM", Values.show(fromEnv) + requirement);
            } else {
                smtp.reject("from", requirement.strip());
            }
            return null;
        }
        return from.strip();
    }

    // A password or sender set for a server that is not configured would otherwise be ignored in silence.
    private static void reportStrayVariables(Map<String, String> env, Problems problems) {
        for (String name : VARIABLES) {
            if (variable(env, name) != null) {
                problems.add(name, "is set, but no mail server is configured; set smtp.host or VIGIL_SMTP_HOST too");
            }
        }
    }

    // As for the server variables, an empty variable counts as unset.
    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
