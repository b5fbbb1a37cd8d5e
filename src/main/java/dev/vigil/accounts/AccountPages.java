package dev.vigil.accounts;

import java.util.Map;

/**
 * Models of the pages shown before sign-in: first run, sign-in, and the invitation and password
 * reset links. errors maps a field name to what is wrong with it; action is where the form posts.
 */
public final class AccountPages {
    private AccountPages() {}

    public record SignIn(String siteName, String formToken, String email, String next, Map<String, String> errors) {}

    public record Setup(String siteName, String formToken, String email, String name, Map<String, String> errors) {}

    public record Invite(String siteName, String formToken, String action, String email, String role, String name,
            Map<String, String> errors) {}

    public record Reset(String siteName, String formToken, String action, String email, Map<String, String> errors) {}

    public record Unusable(String siteName, String title, String advice) {}
}
