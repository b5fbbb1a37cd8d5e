package dev.vigil.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD: the first administrator to create when the store
 * has none, for automated installs. Checked at start-up by the rules of the setup form, so that a
 * bad value stops Vigil with a message naming the variable instead of being skipped in silence.
 *
 * @param password a secret: never logged, never repeated in a message
 */
public record FirstAdmin(String email, String password) {
    /** The setup form's rules (accounts.Accounts); a test keeps the two in step. */
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final String EMAIL_VARIABLE = "VIGIL_ADMIN_EMAIL";
    static final String PASSWORD_VARIABLE = "VIGIL_ADMIN_PASSWORD";

    /** Shown without the password, so that printing a configuration never leaks it. */
    @Override
    public String toString() {
        return "FirstAdmin[email=" + email + ", password=set]";
    }

    /** Null when neither variable is set (or when they are wrong: the problems then stop start-up). */
    static FirstAdmin from(Map<String, String> env, Problems problems) {
        String email = variable(env, EMAIL_VARIABLE);
        String password = env.get(PASSWORD_VARIABLE);
        password = password == null || password.isEmpty() ? null : password;
        if (email == null && password == null) {
            return null;
        }
        int before = problems.count();
        if (email == null) {
            problems.add(EMAIL_VARIABLE, "must be set too when " + PASSWORD_VARIABLE
                    + " is set: the two together create the first administrator");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add(EMAIL_VARIABLE, Values.show(email) + " is not an email address such as ada@example.com");
        }
        if (password == null) {
            problems.add(PASSWORD_VARIABLE, "must be set too when " + EMAIL_VARIABLE
                    + " is set: the two together create the first administrator");
        } else if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            // The value is a secret, so the message describes it without repeating it.
            problems.add(PASSWORD_VARIABLE, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters, as on the setup form (it has " + password.length() + " characters)");
        }
        return problems.count() > before ? null : new FirstAdmin(email, password);
    }

    // An empty variable counts as unset, as container tools often pass VAR= for "not given".
    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
