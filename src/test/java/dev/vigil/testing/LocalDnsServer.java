package dev.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny DNS server on a random loopback UDP port, for the dns probe's tests: it answers each question from its
 * records (parsed and written with dnsjava's Message), says NXDOMAIN for names it has no record of, and can be
 * told to fail a name (SERVFAIL) or to never answer it.
 */
public final class LocalDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger questions = new AtomicInteger();

    private LocalDnsServer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread server = new Thread(this::serve, "local-dns-server");
        server.setDaemon(true);
        server.start();
    }

    public static LocalDnsServer start() {
        return new LocalDnsServer();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Adds an answer in zone file notation, all five fields: "example.test. 300 IN A 10.0.0.1". */
    public LocalDnsServer with(String zoneLine) {
        try {
            String[] parts = zoneLine.strip().split("\\s+", 5);
            Record record = Record.fromString(Name.fromString(parts[0], Name.root), Type.value(parts[3]),
                    DClass.value(parts[2]), Long.parseLong(parts[1]), parts[4], Name.root);
            records.computeIfAbsent(key(record.getName(), record.getType()), k -> new ArrayList<>()).add(record);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a record: " + zoneLine, e);
        }
        return this;
    }

    /** Questions about the name are answered SERVFAIL. */
    public LocalDnsServer failing(String name) {
        failing.add(normal(name));
        return this;
    }

    /** Questions about the name are never answered. */
    public LocalDnsServer silentAbout(String name) {
        silent.add(normal(name));
        return this;
    }

    public int questions() {
        return questions.get();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                questions.incrementAndGet();
                byte[] answer = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException closedOrGarbled) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The response's bytes, or null when the question is to go unanswered. */
    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        String name = normal(question.getName().toString());
        if (silent.contains(name)) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        if (failing.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (records.keySet().stream().noneMatch(key -> key.startsWith(name + " "))) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            records.getOrDefault(key(question.getName(), question.getType()), List.of())
                    .forEach(record -> response.addRecord(record, Section.ANSWER));
        }
        return response.toWire();
    }

    private static String key(Name name, int type) {
        return normal(name.toString()) + " " + Type.string(type);
    }

    private static String normal(String name) {
        try {
            return Name.fromString(name.toLowerCase(Locale.ROOT), Name.root).toString();
        } catch (TextParseException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
