package dev.vigil.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TCP port that must accept a connection and, optionally, answer what is sent with some expected text.
 *
 * @param hostName a host name or IP address, lower case, IPv6 without brackets
 * @param connectTimeout the connection alone; never longer than the probe's timeout
 * @param send null when nothing is sent
 * @param expectReceive null when the answer is not read; else text that must appear in the first
 *     {@link #MAX_RECEIVE_BYTES} bytes the server sends within the timeout
 */
public record TcpTarget(String hostName, int port, Duration connectTimeout, String send, String expectReceive)
        implements ProbeTarget {

    public static final String TYPE = "tcp";
    public static final int MAX_RECEIVE_BYTES = 64 * 1024;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String host() {
        return HostNames.withPort(hostName, port);
    }

    @Override
    public String shown() {
        return TYPE + " " + host();
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("host", hostName);
        fields.put("port", Integer.toString(port));
        fields.put("connect_timeout", Durations.format(connectTimeout));
        fields.put("send", send == null ? "" : EscapedText.escape(send));
        fields.put("expect.receive", expectReceive == null ? "" : EscapedText.escape(expectReceive));
        return fields;
    }
}
