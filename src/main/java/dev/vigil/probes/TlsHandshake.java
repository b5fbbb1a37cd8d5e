package dev.vigil.probes;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A TLS client handshake driven over an asynchronous channel: each wrap is written and each unwrap waits for
 * bytes without holding a thread. The engine is expected to accept any certificate, so that the handshake gets
 * as far as the server's chain, which the probe then judges itself. The handshake's own small computations
 * (the engine's delegated tasks) run on the thread that delivered the bytes.
 */
final class TlsHandshake {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final AsynchronousSocketChannel channel;
    private final SSLEngine engine;
    private final ByteBuffer fromServer;
    private final ByteBuffer toServer;
    private ByteBuffer application;

    TlsHandshake(AsynchronousSocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.fromServer = ByteBuffer.allocate(packet);
        this.toServer = ByteBuffer.allocate(packet);
        this.application = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /**
     * What the handshake showed of the server.
     *
     * @param chain the server's certificate first
     * @param authType the key exchange, as a trust manager takes it: "ECDHE_RSA" for TLS 1.2, "UNKNOWN" for 1.3
     */
    record Result(X509Certificate[] chain, String authType) {}

    /** Completes with the server's chain, or fails with what ended the handshake. */
    CompletableFuture<Result> run() {
        try {
            engine.beginHandshake();
            return step().thenApply(done -> new Result(chain(), authType(engine.getSession().getCipherSuite())));
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One or more steps of the handshake up to the next wait for the network. */
    private CompletableFuture<Void> step() {
        try {
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_WRAP -> {
                        return wrap();
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (!unwrap()) {
                            return readMore();
                        }
                    }
                    case NEED_TASK -> runTasks();
                    default -> {
                        return CompletableFuture.completedFuture(null);
                    }
                }
            }
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> wrap() throws SSLException {
        toServer.clear();
        SSLEngineResult result = engine.wrap(NOTHING, toServer);
        toServer.flip();
        CompletableFuture<Void> written = ChannelFutures.writeAll(channel, toServer);
        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            return written.thenCompose(done -> CompletableFuture.failedFuture(
                    new EOFException("the TLS handshake was closed")));
        }
        return written.thenCompose(done -> step());
    }

    /** @return false when the engine needs more bytes from the server */
    private boolean unwrap() throws SSLException {
        fromServer.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(fromServer, application);
        } finally {
            fromServer.compact();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                return false;
            }
            case BUFFER_OVERFLOW -> {
                application = ByteBuffer.allocate(application.capacity() * 2);
                return true;
            }
            case CLOSED -> throw new SSLException("the server ended the TLS handshake");
            default -> {
                return true;
            }
        }
    }

    private CompletableFuture<Void> readMore() {
        if (!fromServer.hasRemaining()) {
            return CompletableFuture.failedFuture(new SSLException("a TLS record larger than the engine allows"));
        }
        return ChannelFutures.read(channel, fromServer).thenCompose(count -> count < 0
                ? CompletableFuture.failedFuture(new EOFException("connection closed during the TLS handshake"))
                : step());
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    // TLS 1.2 suites name their key exchange ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"); 1.3 suites do not.
    private static String authType(String cipherSuite) {
        int with = cipherSuite.indexOf("_WITH_");
        return cipherSuite.startsWith("TLS_") && with > 0 ? cipherSuite.substring(4, with) : "UNKNOWN";
    }

    private X509Certificate[] chain() {
        try {
            Certificate[] certificates = engine.getSession().getPeerCertificates();
            return Arrays.stream(certificates).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (SSLPeerUnverifiedException e) {
            throw new IllegalStateException("the server sent no certificate", e);
        }
    }
}
