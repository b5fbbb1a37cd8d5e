package dev.vigil.probes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A misbehaving target on a random loopback port: each connection gets the given behaviour, in its own thread. */
final class RawTarget implements AutoCloseable {
    interface Behaviour {
        void serve(Socket connection) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    RawTarget(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptAll, "raw-target-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + path);
    }

    /** Reads the request line and headers (a GET has no body), so that the client is waiting for the answer. */
    static String readRequestHead(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("request ended early");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private void acceptAll() {
        while (!serverSocket.isClosed()) {
            try {
                Socket connection = serverSocket.accept();
                connections.add(connection);
                Thread worker = new Thread(() -> serveQuietly(connection), "raw-target-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveQuietly(Socket connection) {
        try {
            behaviour.serve(connection);
        } catch (Exception clientWentAway) {
            // The probe dropping the connection is what several tests provoke.
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
