package dev.vigil.config;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The HTTP status codes a passing answer may have: single codes and ranges, as written in
 * {@code expect.status: [200, "300-399"]}.
 */
public record StatusCodes(List<Range> ranges) {
    public static final StatusCodes OK = single(200);

    /** The codes from low to high, both included; a single code is a range of one. */
    public record Range(int low, int high) {
        boolean contains(int status) {
            return status >= low && status <= high;
        }

        @Override
        public String toString() {
            return low == high ? Integer.toString(low) : low + "-" + high;
        }
    }

    public StatusCodes {
        ranges = List.copyOf(ranges);
    }

    public static StatusCodes single(int status) {
        return new StatusCodes(List.of(new Range(status, status)));
    }

    public boolean contains(int status) {
        return ranges.stream().anyMatch(range -> range.contains(status));
    }

    /** The one code expected, when that is all: what console probes store. */
    public OptionalInt single() {
        return ranges.size() == 1 && ranges.get(0).low() == ranges.get(0).high()
                ? OptionalInt.of(ranges.get(0).low()) : OptionalInt.empty();
    }

    public int lowest() {
        return ranges.stream().mapToInt(Range::low).min().orElseThrow();
    }

    /** In a failure reason: "200", "200 or 204", "200, 201 or 300-399". */
    public String described() {
        List<String> each = ranges.stream().map(Range::toString).toList();
        if (each.size() == 1) {
            return each.get(0);
        }
        return String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
    }

    /** In the file's notation, readable back as text: "200, 300-399". */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
    }
}
