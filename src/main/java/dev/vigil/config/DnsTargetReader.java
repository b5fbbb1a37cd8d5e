package dev.vigil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keys of a dns probe: the name, the record type, the resolver to ask and the answers expected. */
final class DnsTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("name", "record", "resolver", "expect");
    static final List<String> EXPECT_KEYS = List.of("answers");
    private static final Pattern RESOLVER = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::(\\d{1,5}))?|([0-9.]+)(?::(\\d{1,5}))?");
    private static final Pattern MX = Pattern.compile("(?:(\\d{1,5})\\s+)?(\\S+)");
    private static final int MAX_ANSWERS = 50;
    private static final int MAX_TXT_LENGTH = 1000;

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        String name = name(probe);
        String record = record(probe);
        Resolver resolver = resolver(probe);
        List<String> answers = record == null ? List.of() : probe.mapping("expect", EXPECT_KEYS)
                .map(expect -> answers(expect, record)).orElse(List.of());
        return name == null || record == null || resolver == null
                ? null : new DnsTarget(name, record, resolver.host(), resolver.port(), answers);
    }

    private record Resolver(String host, int port) {
        static final Resolver SYSTEM = new Resolver(null, DnsTarget.DEFAULT_RESOLVER_PORT);
    }

    private static String name(Section probe) {
        String text = probe.requiredText("name");
        if (text == null) {
            return null;
        }
        String name = absolute(text.strip());
        if (name == null) {
            probe.reject("name", "is not a DNS name");
        }
        return name;
    }

    /** The name in lower case with its final dot, or null when it is not a name. */
    private static String absolute(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (!HostNames.isName(name)) {
            return null;
        }
        return name.endsWith(".") ? name : name + ".";
    }

    private static String record(Section probe) {
        String text = probe.optionalText("record");
        if (text == null) {
            return "A";
        }
        String record = text.strip().toUpperCase(Locale.ROOT);
        if (!DnsTarget.RECORD_TYPES.contains(record)) {
            probe.reject("record", "is not a record type the dns probe checks; use one of "
                    + String.join(", ", DnsTarget.RECORD_TYPES));
            return null;
        }
        return record;
    }

    /**
     * An IP address with an optional port. A resolver named by a host name would need another resolver to find
     * it, and that lookup would hold a thread; so it is given by address.
     */
    private static Resolver resolver(Section probe) {
        String text = probe.optionalText("resolver");
        if (text == null) {
            return Resolver.SYSTEM;
        }
        String written = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = RESOLVER.matcher(written);
        String host = null;
        String port = null;
        if (matcher.matches()) {
            host = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            port = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
        } else if (HostNames.isIpv6(written)) {
            host = written;
        }
        int portNumber = port == null ? DnsTarget.DEFAULT_RESOLVER_PORT : Integer.parseInt(port);
        if (host == null || !HostNames.isIpAddress(host) || portNumber < 1 || portNumber > 65535) {
            probe.reject("resolver", "must be an IP address and port, such as 127.0.0.1:53 or [::1]:53");
            return null;
        }
        return new Resolver(host, portNumber);
    }

    /** One answer or a list of them, each checked as a value of the record type. */
    private static List<String> answers(Section expect, String record) {
        Object value = expect.raw("answers");
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.size() > MAX_ANSWERS) {
            expect.complain("answers", "has " + items.size() + " entries; at most " + MAX_ANSWERS + " are allowed");
            return List.of();
        }
        List<String> answers = new ArrayList<>();
        for (Object item : items) {
            if (!Values.isScalar(item)) {
                expect.complain("answers", Values.show(item) + " must be text");
                continue;
            }
            answer(String.valueOf(item).strip(), record).ifPresentOrElse(answers::add,
                    () -> expect.complain("answers", Values.show(item) + " is not " + kindOf(record)));
        }
        return answers;
    }

    private static Optional<String> answer(String text, String record) {
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (record) {
            case "A" -> HostNames.isIpv4(text) ? Optional.of(text) : Optional.empty();
            case "AAAA" -> HostNames.isIpv6(lower) ? Optional.of(lower) : Optional.empty();
            case "CNAME", "NS" -> Optional.ofNullable(absolute(lower));
            case "MX" -> mx(lower);
            default -> text.length() <= MAX_TXT_LENGTH ? Optional.of(text) : Optional.empty();
        };
    }

    private static Optional<String> mx(String text) {
        Matcher matcher = MX.matcher(text);
        if (!matcher.matches() || !HostNames.isName(matcher.group(2))
                || (matcher.group(1) != null && Integer.parseInt(matcher.group(1)) > 65535)) {
            return Optional.empty();
        }
        String host = absolute(matcher.group(2));
        return Optional.of(matcher.group(1) == null ? host : Integer.parseInt(matcher.group(1)) + " " + host);
    }

    private static String kindOf(String record) {
        return switch (record) {
            case "A" -> "an IPv4 address";
            case "AAAA" -> "an IPv6 address";
            case "MX" -> "a mail host, such as mail.example.com. or 10 mail.example.com.";
            case "TXT" -> "a text of at most " + MAX_TXT_LENGTH + " characters";
            default -> "a DNS name";
        };
    }
}
