package dev.vigil.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pretend tracker behind the demo's steps probe: a sign-in that opens a session, a search over a few issues
 * that needs one, and each issue's page. Sessions are kept in memory and the oldest are forgotten, so that the
 * public demo cannot be made to hold more than a few.
 */
final class DemoApp {
    static final String USER = "demo";
    static final String PASSWORD = "demo";
    static final String SESSION_COOKIE = "demo_session";
    private static final int MAX_SESSIONS = 256;

    /** One issue of the pretend tracker. */
    record Issue(int id, String title) {}

    private static final List<Issue> ISSUES = List.of(
            new Issue(101, "Export to CSV times out on large projects"),
            new Issue(102, "Search ignores accents in issue titles"),
            new Issue(103, "Email notifications arrive twice"),
            new Issue(104, "Export to PDF drops attachments"),
            new Issue(105, "Import from spreadsheets skips empty rows"));

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> sessions = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    });

    /** A new session for the demo user, or empty for wrong credentials. */
    Optional<String> signIn(String user, String password) {
        if (!USER.equals(user) || !PASSWORD.equals(password)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(session, user);
        return Optional.of(session);
    }

    boolean isSignedIn(String session) {
        return session != null && sessions.containsKey(session);
    }

    /** The issues whose title holds every word of the query, ignoring case; all of them for an empty query. */
    List<Issue> search(String query) {
        List<String> words = query == null ? List.of()
                : List.of(query.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        return ISSUES.stream()
                .filter(issue -> words.stream().allMatch(word -> issue.title().toLowerCase(Locale.ROOT).contains(word)))
                .toList();
    }

    Optional<Issue> issue(int id) {
        return ISSUES.stream().filter(issue -> issue.id() == id).findFirst();
    }
}
