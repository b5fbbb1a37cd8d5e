package dev.vigil.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.ByteSizes;
import dev.vigil.config.Regex;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The body of one answer as the checks and extractions read it: decoded once, parsed as JSON at most once, and
 * matched against expressions only until the check's deadline.
 */
final class ReadBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A regular expression may finish a little after the deadline, so that an answer arriving just before it can still be checked. */
    private static final long MATCHING_GRACE_NANOS = 250_000_000;

    private final CappedBody body;
    private final long maxBodyBytes;
    private final long matchDeadlineNanos;
    private String text;
    private Optional<JsonNode> json;

    ReadBody(CappedBody body, long maxBodyBytes, long deadlineNanos) {
        this.body = body;
        this.maxBodyBytes = maxBodyBytes;
        this.matchDeadlineNanos = Math.max(deadlineNanos, System.nanoTime() + MATCHING_GRACE_NANOS);
    }

    String text() {
        if (text == null) {
            text = body.text();
        }
        return text;
    }

    boolean capped() {
        return body.capped();
    }

    /** "body cut at 1MiB (max_body)": how a failure says that the answer may hold more than was read. */
    String cutNote() {
        String size = ByteSizes.format(maxBodyBytes);
        return "body cut at " + size + (size.chars().allMatch(Character::isDigit) ? " bytes" : "") + " (max_body)";
    }

    /** The body as JSON, or empty when it is not (or was cut before its end). */
    Optional<JsonNode> json() {
        if (json == null) {
            json = parse();
        }
        return json;
    }

    /**
     * The expression's first match in the body.
     *
     * @throws BoundedText.Overrun when matching ran past the deadline
     */
    Optional<Matcher> find(Regex regex, String in) {
        Matcher matcher = regex.matcher(new BoundedText(in, matchDeadlineNanos));
        return matcher.find() ? Optional.of(matcher) : Optional.empty();
    }

    Optional<Matcher> find(Regex regex) {
        return find(regex, text());
    }

    private Optional<JsonNode> parse() {
        if (body.bytes().length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body.bytes());
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
