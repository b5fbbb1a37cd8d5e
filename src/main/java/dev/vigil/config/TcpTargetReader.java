package dev.vigil.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The keys of a tcp probe: where to connect, what to send and what the answer must contain. */
final class TcpTargetReader implements TargetReader {
    static final List<String> KEYS = List.of("host", "port", "connect_timeout", "send", "expect");
    static final List<String> EXPECT_KEYS = List.of("receive");
    private static final int MAX_TEXT_LENGTH = 1000;

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        String host = HostNames.readHost(probe, "host");
        int port = requiredPort(probe);
        Duration connectTimeout = HttpTargetReader.connectTimeout(probe, timeout);
        String send = text(probe, "send");
        String receive = probe.mapping("expect", EXPECT_KEYS).map(expect -> text(expect, "receive")).orElse(null);
        return host == null || port == 0 || connectTimeout == null
                ? null : new TcpTarget(host, port, connectTimeout, send, receive);
    }

    /** The port, or 0 when it is missing or wrong (reported). */
    static int requiredPort(Section probe) {
        if (probe.raw("port") == null) {
            probe.complain("port", "required");
            return 0;
        }
        return port(probe, 0);
    }

    /** The port, defaultPort when absent, or 0 when it is wrong (reported). */
    static int port(Section probe, int defaultPort) {
        Object value = probe.raw("port");
        if (value == null) {
            return defaultPort;
        }
        Optional<Long> port = Values.wholeNumber(value);
        if (port.isEmpty() || port.get() < 1 || port.get() > 65535) {
            probe.reject("port", "must be a whole number from 1 to 65535");
            return 0;
        }
        return port.get().intValue();
    }

    private static String text(Section section, String key) {
        String text = Optional.ofNullable(section.optionalText(key)).map(EscapedText::unescape).orElse(null);
        section.checkLength(key, text, MAX_TEXT_LENGTH);
        return text;
    }
}
