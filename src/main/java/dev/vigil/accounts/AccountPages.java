package dev.vigil.accounts;

import java.util.Map;

/** Models of the sign-in and first-run pages. errors maps a field name to what is wrong with it. */
public final class AccountPages {
    private AccountPages() {}

    public record SignIn(String siteName, String formToken, String email, String next, Map<String, String> errors) {}

    public record Setup(String siteName, String formToken, String email, String name, Map<String, String> errors) {}
}
