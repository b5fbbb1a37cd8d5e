package dev.vigil.probes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * Finds the address of a tcp or tls probe's host without holding a thread: the JDK's lookup blocks the thread
 * that asks, so names go through dnsjava's asynchronous lookup instead, with the hosts file, the search domains
 * and the servers of /etc/resolv.conf, and a cache that keeps answers for their TTL. IPv4 is tried first, then
 * IPv6. An IP address is used as it is.
 */
final class HostLookup {
    /** A host that has no address; its message is the reason the check gives. */
    static final class NoAddress extends UnknownHostException {
        NoAddress(String message) {
            super(message);
        }
    }

    // Made at the first check, not with the probe: it reads /etc/resolv.conf and /etc/hosts.
    private LookupSession session;

    CompletableFuture<InetAddress> addressOf(String host) {
        if (host.contains(":") || host.matches("[0-9.]+")) {
            try {
                // An IP literal is parsed, never looked up.
                return CompletableFuture.completedFuture(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(new NoAddress(host + " is not an IP address"));
            }
        }
        Name name;
        try {
            name = Name.fromString(host);
        } catch (TextParseException e) {
            return CompletableFuture.failedFuture(new NoAddress("DNS lookup failed for " + host + ": not a name"));
        }
        return lookup(name, Type.A)
                .exceptionallyCompose(failure -> noRecords(failure) ? lookup(name, Type.AAAA) : failed(failure))
                .thenApply(result -> address(result, host))
                .exceptionallyCompose(failure -> failed(explained(failure, host)))
                .toCompletableFuture();
    }

    private synchronized LookupSession session() {
        if (session == null) {
            session = LookupSession.defaultBuilder()
                    .searchPath(ResolverConfig.getCurrentConfig().searchPath())
                    .build();
        }
        return session;
    }

    private CompletionStage<LookupResult> lookup(Name name, int type) {
        return session().lookupAsync(name, type);
    }

    private static InetAddress address(LookupResult result, String host) {
        return result.getRecords().stream()
                .map(record -> record instanceof ARecord a ? a.getAddress()
                        : record instanceof AAAARecord aaaa ? aaaa.getAddress() : null)
                .filter(address -> address != null)
                .findFirst()
                .orElseThrow(() -> new CompletionException(
                        new NoAddress("DNS lookup failed for " + host + ": no address")));
    }

    private static boolean noRecords(Throwable failure) {
        return Failures.rootOf(failure) instanceof NoSuchRRSetException;
    }

    private static Throwable explained(Throwable failure, String host) {
        Throwable cause = Failures.rootOf(failure);
        if (cause instanceof NoAddress) {
            return cause;
        }
        if (cause instanceof NoSuchDomainException) {
            return new NoAddress("DNS lookup failed for " + host + ": no such name");
        }
        if (cause instanceof NoSuchRRSetException) {
            return new NoAddress("DNS lookup failed for " + host + ": no address");
        }
        return new NoAddress("DNS lookup failed for " + host);
    }

    private static <T> CompletionStage<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }
}
