package dev.vigil.search;

import dev.vigil.errors.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box, turned into terms that can never be read as query syntax.
 * Every word is searched as itself: quotes make a phrase, a trailing * a prefix, tag:xyz a filter;
 * anything else (parentheses, NEAR, a leading minus, a colon, SQL) is only text to look for.
 *
 * @param text the box's text as typed, shown again in the box
 * @param terms all of which must match
 * @param tags all of which the postmortem (or the item's postmortem) must carry
 * @param status a postmortem or item status, or null for any
 */
record SearchQuery(String text, List<Term> terms, Set<String> tags, Kind kind, String status) {
    /** The longest query accepted, in characters. */
    public static final int MAX_LENGTH = 200;
    /** V7's statuses, in the order of their lifecycle. */
    static final List<String> POSTMORTEM_STATUSES = List.of("draft", "in_review", "approved", "published", "complete");
    static final List<String> ITEM_STATUSES = List.of("open", "in_progress", "blocked", "done", "wont_do");
    private static final Set<String> STATUSES = union(POSTMORTEM_STATUSES, ITEM_STATUSES);
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}\\p{N}]{2,}\\*+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern SEARCHABLE = Pattern.compile("[\\p{L}\\p{N}]");
    private static final String TAG = "tag:";

    public SearchQuery {
        terms = List.copyOf(terms);
        tags = Set.copyOf(tags);
    }

    /** Which kinds of result to show. */
    public enum Kind {
        ALL, POSTMORTEMS, ITEMS;

        static Kind of(String value) {
            if ("postmortems".equals(value)) {
                return POSTMORTEMS;
            }
            return "items".equals(value) ? ITEMS : ALL;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean postmortems() {
            return this != ITEMS;
        }

        boolean items() {
            return this != POSTMORTEMS;
        }
    }

    /** One thing to look for. The text never contains a double quote. */
    public record Term(Type type, String text) {
        public enum Type { WORD, PHRASE, PREFIX }
    }

    /**
     * Parses the box's text and the page's filters. An unknown kind means all kinds, an unknown status
     * any status. Throws for text too long, or text with nothing in it to search for.
     */
    public static SearchQuery parse(String text, String tag, String kind, String status) {
        // Control characters are never text anyone searches for, and PostgreSQL refuses NUL outright.
        String typed = text == null ? "" : CONTROL.matcher(text).replaceAll(" ").strip();
        if (typed.length() > MAX_LENGTH) {
            throw InvalidInput.of("q", "That is " + typed.length() + " characters; a search can be at most "
                    + MAX_LENGTH + ". Try a few distinctive words.");
        }
        List<Term> terms = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        if (tag != null && !tag.isBlank()) {
            tags.add(tag(tag));
        }
        read(typed, terms, tags);
        if (!typed.isEmpty() && terms.isEmpty() && tags.isEmpty()) {
            throw InvalidInput.of("q", "There is nothing to search for in that; try a word or two from a title or section.");
        }
        String knownStatus = status != null && STATUSES.contains(status) ? status : null;
        return new SearchQuery(typed, terms, tags, Kind.of(kind), knownStatus);
    }

    /** True when there is nothing to look for and nothing to filter by: the page only offers the box. */
    public boolean isEmpty() {
        return terms.isEmpty() && tags.isEmpty() && status == null;
    }

    public boolean hasTerms() {
        return !terms.isEmpty();
    }

    private static Set<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    private static void read(String typed, List<Term> terms, Set<String> tags) {
        int at = 0;
        while (at < typed.length()) {
            char c = typed.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '"') {
                int end = typed.indexOf('"', at + 1);
                end = end < 0 ? typed.length() : end;
                add(terms, Term.Type.PHRASE, typed.substring(at + 1, end).strip().replaceAll("\\s+", " "));
                at = end + 1;
            } else {
                int end = at;
                while (end < typed.length() && !Character.isWhitespace(typed.charAt(end)) && typed.charAt(end) != '"') {
                    end++;
                }
                word(typed.substring(at, end), terms, tags);
                at = end;
            }
        }
    }

    private static void word(String word, List<Term> terms, Set<String> tags) {
        if (word.regionMatches(true, 0, TAG, 0, TAG.length()) && word.length() > TAG.length()) {
            tags.add(tag(word.substring(TAG.length())));
        } else if (PREFIX.matcher(word).matches()) {
            terms.add(new Term(Term.Type.PREFIX, word.substring(0, word.indexOf('*'))));
        } else {
            add(terms, Term.Type.WORD, word);
        }
    }

    /** Tags are stored lower-case (V7); a control character can be in none of them. */
    private static String tag(String typed) {
        return CONTROL.matcher(typed).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }

    /** Keeps a term only if it has a letter or digit: punctuation alone matches nothing on either store. */
    private static void add(List<Term> terms, Term.Type type, String text) {
        if (SEARCHABLE.matcher(text).find()) {
            terms.add(new Term(type, text));
        }
    }
}
