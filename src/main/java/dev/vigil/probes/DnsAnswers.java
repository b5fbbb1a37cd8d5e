package dev.vigil.probes;

import dev.vigil.config.DnsTarget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * What a DNS answer means for a dns probe: the response code, then the records of the asked type in the answer
 * section (following a CNAME chain the resolver resolved), then each expected answer among them.
 */
final class DnsAnswers {
    private static final int MAX_SHOWN = 5;

    private DnsAnswers() {}

    static Verdict verdict(DnsTarget target, Message answer) {
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return Verdict.down("NXDOMAIN: no such name");
        }
        if (rcode != Rcode.NOERROR) {
            return Verdict.down(Rcode.string(rcode));
        }
        int type = Type.value(target.record());
        List<String> got = answer.getSection(Section.ANSWER).stream()
                .filter(record -> record.getType() == type)
                .map(DnsAnswers::value)
                .toList();
        if (got.isEmpty()) {
            return Verdict.down("no " + target.record() + " record for " + shownName(target.name()));
        }
        List<String> lacked = target.answers().stream()
                .filter(expected -> got.stream().noneMatch(value -> same(target.record(), expected, value)))
                .toList();
        if (!lacked.isEmpty()) {
            return Verdict.down("answer lacked " + String.join(", ", lacked) + " (got " + shown(got) + ")");
        }
        return Verdict.up();
    }

    /** A record's value as the configuration writes answers: names lower case with their final dot. */
    private static String value(Record record) {
        if (record instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (record instanceof AAAARecord aaaa) {
            return aaaa.getAddress().getHostAddress();
        }
        if (record instanceof CNAMERecord cname) {
            return lower(cname.getTarget().toString());
        }
        if (record instanceof NSRecord ns) {
            return lower(ns.getTarget().toString());
        }
        if (record instanceof MXRecord mx) {
            return mx.getPriority() + " " + lower(mx.getTarget().toString());
        }
        if (record instanceof TXTRecord txt) {
            return String.join("", txt.getStrings());
        }
        return record.rdataToString();
    }

    /** An MX answer given without priority matches any priority; addresses match in any of their notations. */
    private static boolean same(String record, String expected, String value) {
        return switch (record) {
            case "A", "AAAA" -> sameAddress(expected, value);
            case "MX" -> expected.contains(" ") ? expected.equals(value) : value.endsWith(" " + expected);
            default -> expected.equals(value);
        };
    }

    private static boolean sameAddress(String expected, String value) {
        try {
            // Both are IP literals (checked when the configuration was read), parsed without a lookup.
            return InetAddress.getByName(expected).equals(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String shown(List<String> values) {
        if (values.size() <= MAX_SHOWN) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, MAX_SHOWN)) + " and " + (values.size() - MAX_SHOWN) + " more";
    }

    private static String shownName(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
