package dev.vigil.search;

import dev.vigil.console.ConsolePages.Frame;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The model of the console's search page. */
public final class SearchPages {
    private SearchPages() {}

    /**
     * The page. error is what is wrong with the typed text (then nothing was searched); searched is
     * false when there was nothing to look for, and the page only offers the box and the tags.
     */
    public record Page(Frame frame, Form form, String error, boolean searched, List<SearchHit> hits, boolean more,
            List<Choice> kinds, List<Choice> postmortemStatuses, List<Choice> itemStatuses, List<TagLink> tags,
            String withoutTag) {

        public String heading() {
            if (hits.isEmpty()) {
                return "No results";
            }
            return more ? "The best " + hits.size() + " results" : hits.size() + (hits.size() == 1 ? " result" : " results");
        }
    }

    /** The form as submitted, shown again. tag is empty without a tag filter. */
    public record Form(String q, String tag, String kind, String status) {}

    /** An option of a select. */
    public record Choice(String value, String label, boolean selected) {}

    /** A tag with its count and the link that searches by it. */
    public record TagLink(String tag, long count, String href, boolean current) {}

    static final Map<String, String> KINDS = Map.of("all", "Postmortems and action items",
            "postmortems", "Postmortems", "items", "Action items");

    static List<Choice> kinds(String selected) {
        return List.of("all", "postmortems", "items").stream()
                .map(k -> new Choice(k, KINDS.get(k), k.equals(selected))).toList();
    }

    static List<Choice> statuses(List<String> values, String selected) {
        return values.stream().map(s -> new Choice(s, label(s), s.equals(selected))).toList();
    }

    /** "in_review" as "In review", "wont_do" as "Won't do". */
    public static String label(String status) {
        if (status == null || status.isEmpty()) {
            return "";
        }
        if ("wont_do".equals(status)) {
            return "Won't do";
        }
        String words = status.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** The search for one tag. */
    public static String tagHref(String tag) {
        return link(Map.of("tag", tag));
    }

    /** A link to the search page with these parameters; empty ones are left out. */
    static String link(Map<String, String> parameters) {
        Map<String, String> present = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                present.put(name, value);
            }
        });
        if (present.isEmpty()) {
            return "/console/search";
        }
        return "/console/search?" + present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
