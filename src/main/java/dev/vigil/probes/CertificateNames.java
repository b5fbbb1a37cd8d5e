package dev.vigil.probes;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The names a server certificate is for, and whether a host is among them, as RFC 6125 (section 6) has clients
 * check: DNS names from the subject alternative names, a wildcard only as the whole leftmost label; IP addresses
 * against the IP entries alone. The subject's common name counts only when there are no DNS names, as the JDK's
 * own check does.
 */
final class CertificateNames {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final List<String> dnsNames;
    private final List<String> ipAddresses;

    private CertificateNames(List<String> dnsNames, List<String> ipAddresses) {
        this.dnsNames = dnsNames;
        this.ipAddresses = ipAddresses;
    }

    static CertificateNames of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            alternatives = null;
        }
        if (alternatives != null) {
            for (List<?> entry : alternatives) {
                int kind = (Integer) entry.get(0);
                if (kind == DNS_NAME) {
                    dns.add(normal(String.valueOf(entry.get(1))));
                } else if (kind == IP_ADDRESS) {
                    ips.add(canonicalAddress(String.valueOf(entry.get(1))));
                }
            }
        }
        if (dns.isEmpty()) {
            commonName(certificate.getSubjectX500Principal()).map(CertificateNames::normal).ifPresent(dns::add);
        }
        return new CertificateNames(List.copyOf(dns), List.copyOf(ips));
    }

    /** @param host a name or IP address as the probe has it (lower case, IPv6 without brackets) */
    boolean covers(String host) {
        if (host.contains(":") || host.matches("[0-9.]+")) {
            return ipAddresses.contains(canonicalAddress(host));
        }
        String name = normal(host);
        return dnsNames.stream().anyMatch(pattern -> matches(pattern, name));
    }

    /** "other.test" or "a.test, b.test and 3 more", for "certificate is for ..., not ...". */
    String shown() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        if (all.isEmpty()) {
            return "no name";
        }
        if (all.size() <= 3) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, 2)) + " and " + (all.size() - 2) + " more";
    }

    private static boolean matches(String pattern, String name) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(name);
        }
        String suffix = pattern.substring(1);
        // "*.example.com" stands for one label: not "example.com", not "a.b.example.com", and never "*.com".
        return suffix.indexOf('.', 1) > 0 && name.endsWith(suffix)
                && name.length() > suffix.length() && name.lastIndexOf('.', name.length() - suffix.length() - 1) < 0;
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String withoutDot = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        try {
            return IDN.toASCII(withoutDot, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAName) {
            return withoutDot;
        }
    }

    private static String canonicalAddress(String address) {
        try {
            // Both sides are IP literals (the certificate's entries and the probe's host), which are parsed, not looked up.
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** The CN of a subject or issuer ("CN=Test CA, O=Acme" gives "Test CA"). */
    static Optional<String> commonName(X500Principal principal) {
        try {
            for (Rdn rdn : new LdapName(principal.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
