package dev.vigil.probes;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust managers of the tls probe: the JVM's own authorities (its cacerts, or what javax.net.ssl.trustStore
 * names), which judge a chain after the handshake, and one that lets every handshake through so that the probe
 * sees the chain at all and can say what is wrong with it.
 */
public final class TrustedAuthorities {
    private TrustedAuthorities() {}

    /** The JVM's default PKIX trust manager. */
    public static X509TrustManager platform() {
        return Platform.MANAGER;
    }

    /** Trusts the certificates of the given store only (tests, private authorities). */
    public static X509TrustManager of(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the JVM has no X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust managers cannot be made", e);
        }
    }

    /** A client context whose handshakes accept any chain; the chain is judged afterwards. */
    static SSLContext acceptingAnyChain() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAny()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make a TLS context", e);
        }
    }

    // Loaded once, when the first tls probe is made: reading cacerts takes a moment, and it does not change.
    private static final class Platform {
        static final X509TrustManager MANAGER = of(null);
    }

    /** Never refuses: the probe's own check (CertificateVerdict) decides what the chain is worth. */
    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
