package dev.vigil.notifications;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhooks that strangers register on the public page out of Vigil's own network: without
 * it, anyone could make Vigil post to its loopback, the cloud metadata address or the office LAN.
 * Staff hooks are trusted and not checked. The address is checked when the webhook is registered
 * and again before each post; a name that resolves differently between the check and the
 * connection is not caught.
 */
final class WebhookAddresses {
    private final boolean allowPrivate;

    /** @param allowPrivate the notifications.allow_private_webhooks setting, for status pages on an internal network */
    public WebhookAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why Vigil will not post to this URL, or empty when it may. */
    public Optional<String> refusal(URI url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " was not found");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("the host " + url.getHost() + " is in a private or local network");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local addresses
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }
}
