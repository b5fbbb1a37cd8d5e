package dev.vigil.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host names and IP addresses as targets of the tcp, tls and dns probes: checked when the file is read, so that
 * a typo is a message at start-up rather than a failing check. Nothing here looks a name up.
 */
final class HostNames {
    /** Letters, digits, "-" and "_" in dot-separated labels of 1 to 63 (RFC 1123, with "_" for service names). */
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

    private HostNames() {}

    /** A required host: a name, an IPv4 address or an IPv6 address (brackets optional), in lower case; or null. */
    static String readHost(Section section, String key) {
        String text = section.requiredText(key);
        if (text == null) {
            return null;
        }
        String host = withoutBrackets(text.strip().toLowerCase(Locale.ROOT));
        if (isIpAddress(host) || isName(host)) {
            return host;
        }
        if (host.contains("://") || host.contains("/")) {
            section.reject(key, "must be a host name or IP address alone, without a scheme or path");
        } else if (host.contains(":")) {
            section.reject(key, "must be a host name or IP address without a port; give the port as port");
        } else {
            section.reject(key, "is not a host name or IP address");
        }
        return null;
    }

    static boolean isName(String text) {
        return NAME.matcher(text).matches() && !IPV4.matcher(text).matches() && !text.matches("[0-9.]+");
    }

    static boolean isIpAddress(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    static boolean isIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    /** IPv6 in any of its textual forms (RFC 4291 section 2.2), also with an IPv4 tail. */
    static boolean isIpv6(String text) {
        if (!IPV6_CHARACTERS.matcher(text).matches() || text.contains(":::")) {
            return false;
        }
        String[] halves = text.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (int index = 0; index < halves.length; index++) {
            if (halves[index].isEmpty()) {
                continue;
            }
            String[] parts = halves[index].split(":", -1);
            for (int part = 0; part < parts.length; part++) {
                boolean last = index == halves.length - 1 && part == parts.length - 1;
                if (last && parts[part].contains(".")) {
                    if (!isIpv4(parts[part])) {
                        return false;
                    }
                    groups += 2;
                } else if (!parts[part].matches("[0-9a-f]{1,4}")) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return halves.length == 2 ? groups < 8 : groups == 8;
    }

    /** "host:port" as the engine counts per-host limits by: IPv6 addresses in brackets. */
    static String withPort(String host, int port) {
        return (isIpv6(host) ? "[" + host + "]" : host) + ":" + port;
    }

    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
