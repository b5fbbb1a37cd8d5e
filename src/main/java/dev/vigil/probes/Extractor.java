package dev.vigil.probes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.config.Extraction;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;

/** Takes the values a step extracts from its answer, or says why one was not there. */
final class Extractor {
    private Extractor() {}

    /** The value, or (as the failure) why there is none: "$.token is missing". */
    record Extracted(String value, String failure) {}

    static Extracted extract(Extraction extraction, HttpResponse<CappedBody> response, ReadBody body) {
        if (extraction.header() != null) {
            return response.headers().firstValue(extraction.header())
                    .map(value -> new Extracted(value, null))
                    .orElseGet(() -> failed(extraction, "the answer has no " + extraction.header() + " header"));
        }
        if (extraction.json() != null) {
            return fromJson(extraction, body);
        }
        return fromRegex(extraction, body);
    }

    private static Extracted fromJson(Extraction extraction, ReadBody body) {
        Optional<JsonNode> json = body.json();
        if (json.isEmpty()) {
            return failed(extraction, body.capped() ? body.cutNote() + ", so " + extraction.json() + " could not be read"
                    : "body is not JSON, so " + extraction.json() + " could not be read");
        }
        Optional<JsonNode> node = extraction.json().find(json.get()).filter(found -> !found.isNull());
        return node.map(found -> new Extracted(ExpectationCheck.textOf(found), null))
                .orElseGet(() -> failed(extraction, extraction.json() + " is missing"));
    }

    private static Extracted fromRegex(Extraction extraction, ReadBody body) {
        Optional<Matcher> match;
        try {
            match = body.find(extraction.regex());
        } catch (BoundedText.Overrun e) {
            return failed(extraction, "matching " + extraction.regex() + " took longer than the timeout");
        }
        if (match.isPresent() && match.get().group(1) != null) {
            return new Extracted(match.get().group(1), null);
        }
        return failed(extraction, body.capped() ? body.cutNote() + " and " + extraction + " found nothing in what was read"
                : extraction + " found nothing in the body");
    }

    private static Extracted failed(Extraction extraction, String why) {
        return new Extracted(null, "nothing to extract for {{" + extraction.name() + "}}: " + why);
    }
}
