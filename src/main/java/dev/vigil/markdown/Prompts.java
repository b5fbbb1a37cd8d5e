package dev.vigil.markdown;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a drafted text that a person still has to write. Where only a person knows what
 * to say (the cause, the apology, the promises), a draft generator writes a prompt, "[Write: what
 * to say here]", as a paragraph of its own under the part's heading. The person replaces the
 * whole bracket with their own words. As long as the marker "[Write:" (in any case) is anywhere in
 * the text, the part it stands in is unwritten, however much else was edited; a text customers
 * read is refused until none is left. Deleting a part together with its prompt is a choice the
 * person made, and leaves nothing to find.
 *
 * <p>A part is named by the heading above its prompt (ATX "### Title" or setext), headings inside
 * fenced code excepted, and {@link #OPENING} before the first heading. Pure: no storage, no web.
 */
public final class Prompts {
    /** What every prompt starts with; the bracket a person replaces ends at the next "]". */
    public static final String MARKER = "[Write:";
    /** The name of a prompt that comes before any heading. */
    public static final String OPENING = "Opening";

    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    /** Lines a setext underline cannot turn into a heading: list items, quotes, ATX headings. */
    private static final Pattern NOT_A_HEADING = Pattern.compile("^ {0,3}(?:[-*+][ \\t]|>|\\d+[.)][ \\t]|#)");

    private Prompts() {}

    /** A prompt with the given guidance, as the draft generators write it. */
    public static String prompt(String guidance) {
        return MARKER + " " + guidance + "]";
    }

    /** Whether any prompt is left. */
    public static boolean any(String text) {
        return text != null && indexOf(text, 0) >= 0;
    }

    /** The names of the parts that still hold a prompt, each once, in the order of the text. */
    public static List<String> unwrittenParts(String text) {
        if (!any(text)) {
            return List.of();
        }
        Set<String> parts = new LinkedHashSet<>();
        String heading = null;
        String fence = null;
        String previous = "";
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (indexOf(line, 0) >= 0) {
                parts.add(heading == null ? OPENING : heading);
            }
            Matcher opening = FENCE.matcher(line);
            if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
            } else if (opening.find()) {
                fence = opening.group(1);
            } else if (ATX.matcher(line).matches()) {
                heading = named(ATX.matcher(line).replaceFirst("$1"), heading);
            } else if (SETEXT.matcher(line).matches() && !previous.isBlank()
                    && !NOT_A_HEADING.matcher(previous).find()) {
                heading = named(previous, heading);
            }
            previous = fence == null ? line : "";
        }
        return List.copyOf(parts);
    }

    /** Why the text cannot be published yet, naming each unwritten part; empty when nothing is left. */
    public static Optional<String> refusal(String text) {
        List<String> parts = unwrittenParts(text);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1
                ? "Write this part before publishing: " + parts.get(0) + ". Replace its " + MARKER
                        + " …] prompt with your own words."
                : "Write these parts before publishing: " + String.join(", ", parts) + ". Replace each " + MARKER
                        + " …] prompt with your own words.");
    }

    /** Where the next marker starts at or after from, in any case; -1 when there is none. */
    static int indexOf(String text, int from) {
        for (int i = Math.max(0, from); i + MARKER.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, MARKER, 0, MARKER.length())) {
                return i;
            }
        }
        return -1;
    }

    /** A heading's words without their markup; an empty heading keeps the part it is in. */
    private static String named(String headingText, String current) {
        String words = Markdown.plainText(headingText).strip();
        return words.isEmpty() ? current : words;
    }
}
