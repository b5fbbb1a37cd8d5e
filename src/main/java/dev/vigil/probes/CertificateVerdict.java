package dev.vigil.probes;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.X509TrustManager;

/**
 * What a server's certificate chain means for a tls probe. The checks run in an order that gives the most
 * specific reason: an expired certificate is "expired", not "untrusted", although a trust check would fail too.
 * Then trust (the authorities of the given trust manager), then the name, then the days left.
 */
final class CertificateVerdict {
    private CertificateVerdict() {}

    /** @param authType the handshake's key exchange, by which the trust manager checks the key's usage */
    static Verdict of(X509Certificate[] chain, String authType, String host, Instant now, int requiredDays,
            X509TrustManager trust) {
        X509Certificate leaf = chain[0];
        Instant notAfter = leaf.getNotAfter().toInstant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            return Verdict.down(CertificateReasons.expired(notAfter));
        }
        if (now.isBefore(notBefore)) {
            return Verdict.down(CertificateReasons.notYetValid(notBefore));
        }
        try {
            trust.checkServerTrusted(chain, authType);
        } catch (CertificateException | IllegalArgumentException e) {
            return Verdict.down("certificate not trusted: " + untrusted(chain, e));
        }
        CertificateNames names = CertificateNames.of(leaf);
        if (!names.covers(host)) {
            return Verdict.down("certificate is for " + names.shown() + ", not " + host);
        }
        long daysLeft = Duration.between(now, notAfter).toDays();
        if (daysLeft < requiredDays) {
            return new Verdict(Outcome.DEGRADED, CertificateReasons.validForOnly(daysLeft, notAfter, requiredDays));
        }
        return new Verdict(Outcome.UP, CertificateReasons.validFor(daysLeft, notAfter));
    }

    private static String untrusted(X509Certificate[] chain, Exception failure) {
        X509Certificate leaf = chain[0];
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "self-signed";
        }
        if (causedBy(failure, CertificateExpiredException.class)) {
            return "a certificate of its chain has expired";
        }
        if (causedBy(failure, CertificateNotYetValidException.class)) {
            return "a certificate of its chain is not valid yet";
        }
        X509Certificate top = chain[chain.length - 1];
        String issuer = CertificateNames.commonName(top.getIssuerX500Principal())
                .orElse(top.getIssuerX500Principal().getName());
        return "issued by " + issuer + ", which is not a trusted authority";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
