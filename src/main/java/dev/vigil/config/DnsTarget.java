package dev.vigil.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DNS name that must resolve to records of one type, optionally including given answers.
 *
 * @param name an absolute name, lower case, ending with a dot; no search domain is applied
 * @param record one of {@link #RECORD_TYPES}
 * @param resolverHost an IP address, or null for the system's resolvers (those of /etc/resolv.conf)
 * @param answers each must be among the answers; empty when any answer of the type will do. A and AAAA answers are
 *     addresses, CNAME and NS names (lower case, ending with a dot), MX "mail.example.com." or
 *     "10 mail.example.com.", TXT the record's text
 */
public record DnsTarget(String name, String record, String resolverHost, int resolverPort, List<String> answers)
        implements ProbeTarget {

    public static final String TYPE = "dns";
    public static final List<String> RECORD_TYPES = List.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");
    public static final int DEFAULT_RESOLVER_PORT = 53;
    /** What the per-host limit counts checks on the system's resolvers by. */
    public static final String SYSTEM_RESOLVERS = "dns:system";

    public DnsTarget {
        answers = List.copyOf(answers);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The resolver asked, which is what the check connects to. */
    @Override
    public String host() {
        return resolverHost == null ? SYSTEM_RESOLVERS : resolver();
    }

    /** "127.0.0.1:5353", or null for the system's resolvers. */
    public String resolver() {
        return resolverHost == null ? null : HostNames.withPort(resolverHost, resolverPort);
    }

    @Override
    public String shown() {
        String withoutRoot = name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return TYPE + " " + record + " " + withoutRoot + (resolverHost == null ? "" : " @" + resolver());
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("record", record);
        fields.put("resolver", resolverHost == null ? "" : resolver());
        fields.put("expect.answers", String.join(", ", answers));
        return fields;
    }
}
