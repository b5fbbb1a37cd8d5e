package dev.vigil.probes;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certificate authority and the server certificates it signs, good and bad, made in memory with Bouncy
 * Castle (the JDK has no public API to issue certificates). Dates are relative to the real clock, because the
 * JDK's trust check reads it.
 */
final class TestCertificates {
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key and its chain, the server's own certificate first. */
    record Identity(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificates(String name) throws Exception {
        this.name = name;
        this.keys = newKeys();
        Instant now = Instant.now();
        this.certificate = sign(new X500Principal("CN=" + name), keys, new X500Principal("CN=" + name), keys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), List.of(), true);
    }

    static TestCertificates authority(String name) throws Exception {
        return new TestCertificates(name);
    }

    /** Trusts this authority only. */
    X509TrustManager trust() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(name, certificate);
        return TrustedAuthorities.of(store);
    }

    /** A server certificate for the names, valid from notBefore to notAfter. */
    Identity issue(List<String> dnsNames, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair server = newKeys();
        X509Certificate issued = sign(new X500Principal("CN=" + dnsNames.get(0)), server,
                certificate.getSubjectX500Principal(), keys.getPrivate(), notBefore, notAfter, dnsNames, false);
        return new Identity(server.getPrivate(), List.of(issued, certificate));
    }

    /** A server certificate valid for the given time from a day ago. */
    Identity issue(String dnsName, Duration leftFromNow) throws Exception {
        Instant now = Instant.now();
        return issue(List.of(dnsName), now.minus(Duration.ofDays(1)), now.plus(leftFromNow));
    }

    /** A certificate that signs itself, as keytool and many appliances make them. */
    static Identity selfSigned(String dnsName) throws Exception {
        KeyPair server = newKeys();
        Instant now = Instant.now();
        X500Principal subject = new X500Principal("CN=" + dnsName);
        X509Certificate own = sign(subject, server, subject, server.getPrivate(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)), List.of(dnsName), false);
        return new Identity(server.getPrivate(), List.of(own));
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
            PrivateKey issuerKey, Instant notBefore, Instant notAfter, List<String> dnsNames, boolean authority)
            throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (!dnsNames.isEmpty()) {
            GeneralName[] names = dnsNames.stream()
                    .map(dnsName -> new GeneralName(dnsName.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, dnsName))
                    .toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
