package dev.vigil.probes;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong during a request into a short sentence for the status page. The HTTP client wraps
 * the interesting exception in others with vaguer messages, so the whole cause chain is examined.
 */
final class FailureReasons {
    private static final Pattern CLASS_NAME =
            Pattern.compile("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*|$)");

    private final Duration timeout;
    private final Duration connectTimeout;

    FailureReasons(Duration timeout, Duration connectTimeout) {
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
    }

    String timedOut() {
        return "timeout after " + ReasonText.seconds(timeout);
    }

    /** @param url the URL being requested when it failed, which may be a redirect target */
    String describe(Throwable failure, URI url) {
        return ReasonText.shorten(classify(causes(failure), url));
    }

    private String classify(List<Throwable> chain, URI url) {
        if (has(chain, UnresolvedAddressException.class) || has(chain, UnknownHostException.class)) {
            return "DNS lookup failed for " + url.getHost();
        }
        if (has(chain, HttpConnectTimeoutException.class)) {
            return "connect timeout after " + ReasonText.seconds(connectTimeout);
        }
        if (has(chain, HttpTimeoutException.class) || has(chain, TimeoutException.class)) {
            return timedOut();
        }
        if (has(chain, SSLException.class)) {
            return "TLS error: " + tlsProblem(chain);
        }
        if (has(chain, ProtocolException.class)) {
            return "invalid HTTP response";
        }
        if (mentions(chain, "connection reset")) {
            return "connection reset";
        }
        if (has(chain, NoRouteToHostException.class)) {
            return "no route to host";
        }
        if (has(chain, ConnectException.class)) {
            // The client often throws a ConnectException without message around the one saying "refused".
            return mentions(chain, "refused") || noMessages(chain)
                    ? "connection refused"
                    : "connection failed: " + firstMessage(chain);
        }
        if (has(chain, EOFException.class) || mentions(chain, "received no bytes")) {
            return "connection closed without a complete response";
        }
        return "request failed: " + firstMessage(chain);
    }

    private static String tlsProblem(List<Throwable> chain) {
        if (has(chain, CertificateExpiredException.class)) {
            return "certificate expired";
        }
        if (has(chain, CertificateNotYetValidException.class)) {
            return "certificate not yet valid";
        }
        if (mentions(chain, "no subject alternative") || mentions(chain, "no name matching")) {
            return "hostname mismatch";
        }
        if (mentions(chain, "PKIX path building failed")) {
            return "certificate not trusted (PKIX path building failed)";
        }
        return firstMessage(chain);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static boolean mentions(List<Throwable> chain, String words) {
        String lowerWords = words.toLowerCase(Locale.ROOT);
        return chain.stream()
                .map(Throwable::getMessage)
                .anyMatch(message -> message != null && message.toLowerCase(Locale.ROOT).contains(lowerWords));
    }

    private static boolean noMessages(List<Throwable> chain) {
        return chain.stream().allMatch(t -> t.getMessage() == null || t.getMessage().isBlank());
    }

    /**
     * The first message that says something. Wrapping exceptions repeat their cause's class name
     * ("java.io.IOException: real message"), which means nothing to a reader, so class names are dropped.
     */
    private static String firstMessage(List<Throwable> chain) {
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : withoutClassNames(t.getMessage());
            if (!message.isEmpty()) {
                return message;
            }
        }
        return chain.get(0).getClass().getSimpleName();
    }

    private static String withoutClassNames(String message) {
        return CLASS_NAME.matcher(message).replaceAll("")
                .lines().findFirst().orElse("").strip();
    }
}
