package dev.vigil.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A TLS server on a random loopback port that shows one certificate chain and holds each connection open. */
final class LocalTlsServer implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final SSLServerSocket serverSocket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    LocalTlsServer(TestCertificates.Identity identity) throws Exception {
        this(identity, "TLSv1.3", "TLSv1.2");
    }

    /** @param protocols the TLS versions the server accepts, such as only "TLSv1.2" */
    LocalTlsServer(TestCertificates.Identity identity, String... protocols) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", identity.key(), PASSWORD, identity.chain().toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverSocket.setEnabledProtocols(protocols);
        Thread acceptor = new Thread(this::acceptAll, "tls-target-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptAll() {
        while (!serverSocket.isClosed()) {
            try {
                SSLSocket connection = (SSLSocket) serverSocket.accept();
                connections.add(connection);
                Thread worker = new Thread(() -> holdOpen(connection), "tls-target-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void holdOpen(SSLSocket connection) {
        try {
            connection.startHandshake();
            while (connection.getInputStream().read() >= 0) {
                // Whatever the client sends is ignored; the connection stays until it goes.
            }
        } catch (IOException clientWentAway) {
            // The probe closes the connection as soon as it has the chain.
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
