package dev.vigil.probes;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Objects;

/**
 * Socket errors as words for the status page. The operating system's messages ("Connection reset by peer")
 * differ by platform, so they are recognised by their gist rather than quoted.
 */
final class SocketReasons {
    private SocketReasons() {}

    static String describe(Throwable failure) {
        Throwable cause = Failures.rootOf(failure);
        String message = Objects.requireNonNullElse(cause.getMessage(), "").toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset by the server";
        }
        if (cause instanceof NoRouteToHostException || message.contains("no route") || message.contains("unreachable")) {
            return "no route to host";
        }
        if (cause instanceof ConnectException || message.contains("refused")) {
            return "connection refused";
        }
        if (cause instanceof PortUnreachableException) {
            return "port unreachable";
        }
        if (cause instanceof EOFException || cause instanceof AsynchronousCloseException
                || cause instanceof ClosedChannelException || message.contains("broken pipe")) {
            return "connection closed by the server";
        }
        if (cause instanceof IOException && !message.isBlank()) {
            return "connection failed: " + cause.getMessage();
        }
        return "check failed: " + (message.isBlank() ? cause.getClass().getSimpleName() : cause.getMessage());
    }
}
