package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses strangers' webhooks may not reach. Literal addresses only: no DNS in these tests. */
class WebhookAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1", "::"})
    void loopbackPrivateLinkLocalAndSharedAddressesArePrivate(String address) throws UnknownHostException {
        assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "100.128.0.1", "2606:4700:4700::1111"})
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertThat(WebhookAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void aUrlToTheLoopbackIsRefusedUnlessPrivateWebhooksAreAllowed() {
        URI loopback = URI.create("http://127.0.0.1:7070/console");

        assertThat(new WebhookAddresses(false).refusal(loopback)).hasValueSatisfying(
                why -> assertThat(why).isEqualTo("the host 127.0.0.1 is in a private or local network"));
        assertThat(new WebhookAddresses(true).refusal(loopback)).isEmpty();
    }
}
