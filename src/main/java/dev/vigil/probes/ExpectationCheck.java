package dev.vigil.probes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.config.HttpTarget.Expectation;
import dev.vigil.config.JsonAssertion;
import dev.vigil.config.Regex;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a complete answer against an expectation, in a fixed order (status, headers, body text, body expression,
 * JSON values), and says in words which check failed first: "status 503, expected 200 or 300-399",
 * "$.status was \"degraded\", expected \"ok\"". When the body was cut at max_body, a failure that may be due to
 * the unread rest says so.
 */
final class ExpectationCheck {
    private static final int SHOWN_VALUE = 60;

    private ExpectationCheck() {}

    /** Thrown when an expression ran past the deadline; names the expression. */
    static final class TooSlow extends RuntimeException {
        TooSlow(Regex regex) {
            super("matching " + regex + " took longer than the timeout", null, false, false);
        }
    }

    static Optional<String> firstFailure(Expectation expect, int status, HttpHeaders headers, ReadBody body) {
        try {
            return Optional.ofNullable(status(expect, status))
                    .or(() -> headers(expect.headers(), headers, body))
                    .or(() -> bodyText(expect, body))
                    .or(() -> bodyMatch(expect, body))
                    .or(() -> json(expect.json(), body));
        } catch (TooSlow e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @throws TooSlow when matching ran past the deadline */
    static boolean found(ReadBody body, Regex regex, String text) {
        try {
            return body.find(regex, text).isPresent();
        } catch (BoundedText.Overrun e) {
            throw new TooSlow(regex);
        }
    }

    private static String status(Expectation expect, int status) {
        return expect.status().contains(status) ? null
                : "status " + status + ", expected " + expect.status().described();
    }

    private static Optional<String> headers(Map<String, Regex> expected, HttpHeaders headers, ReadBody body) {
        for (Map.Entry<String, Regex> header : expected.entrySet()) {
            List<String> values = headers.allValues(header.getKey());
            if (values.isEmpty()) {
                return Optional.of("header " + header.getKey() + " is missing, expected " + header.getValue());
            }
            // Several fields of one name read as one value, joined by commas (RFC 9110, section 5.3).
            String value = String.join(", ", values);
            if (!found(body, header.getValue(), value)) {
                return Optional.of("header " + header.getKey() + " was " + quoted(value) + ", expected "
                        + header.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> bodyText(Expectation expect, ReadBody body) {
        String wanted = expect.bodyContains();
        if (wanted == null || body.text().contains(wanted)) {
            return Optional.empty();
        }
        return Optional.of(body.capped() ? body.cutNote() + " and \"" + wanted + "\" was not in what was read"
                : "body did not contain \"" + wanted + "\"");
    }

    private static Optional<String> bodyMatch(Expectation expect, ReadBody body) {
        Regex wanted = expect.bodyMatches();
        if (wanted == null || found(body, wanted, body.text())) {
            return Optional.empty();
        }
        return Optional.of(body.capped() ? body.cutNote() + " and " + wanted + " did not match what was read"
                : "body did not match " + wanted);
    }

    private static Optional<String> json(List<JsonAssertion> assertions, ReadBody body) {
        if (assertions.isEmpty()) {
            return Optional.empty();
        }
        String first = assertions.get(0).path().toString();
        Optional<JsonNode> json = body.json();
        if (json.isEmpty()) {
            return Optional.of(body.capped() ? body.cutNote() + ", so " + first + " could not be read"
                    : "body is not JSON, so " + first + " could not be read");
        }
        for (JsonAssertion assertion : assertions) {
            Optional<String> failure = check(assertion, json.get(), body);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(JsonAssertion assertion, JsonNode root, ReadBody body) {
        Optional<JsonNode> found = assertion.path().find(root);
        if (found.isEmpty()) {
            return Optional.of(assertion.path() + " is missing");
        }
        JsonNode node = found.get();
        if (assertion.expected() != null && !equal(node, assertion.expected())) {
            return Optional.of(assertion.path() + " was " + shown(node) + ", expected " + shown(assertion.expected()));
        }
        if (assertion.matches() != null && !found(body, assertion.matches(), textOf(node))) {
            return Optional.of(assertion.path() + " was " + shown(node) + ", expected " + assertion.matches());
        }
        return Optional.empty();
    }

    /** Numbers by value (3 equals 3.0), true and false as such, text as text (also against a number's digits). */
    private static boolean equal(JsonNode node, Object expected) {
        if (expected instanceof Boolean flag) {
            return node.isBoolean() && node.booleanValue() == flag;
        }
        if (expected instanceof Number number) {
            return node.isNumber() && node.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        return node.isValueNode() && node.asText().equals(expected.toString());
    }

    /** A value as text to match: a string as it is, anything else as JSON. */
    static String textOf(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static String shown(JsonNode node) {
        return node.isTextual() ? quoted(node.textValue()) : shortened(node.toString());
    }

    private static String shown(Object expected) {
        return expected instanceof String text ? quoted(text) : expected.toString();
    }

    private static String quoted(String text) {
        return "\"" + shortened(text) + "\"";
    }

    private static String shortened(String text) {
        return text.length() <= SHOWN_VALUE ? text : text.substring(0, SHOWN_VALUE - 1) + "…";
    }
}
