package dev.vigil.notifications;

import dev.vigil.notifications.Delivery.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts webhook bodies. A 2xx answer within {@link #TIMEOUT} is a delivery; anything else,
 * redirects included, is a failure to retry (a redirect could lead anywhere, including into
 * Vigil's own network). The answer's body is never read.
 */
final class WebhookPoster {
    /** How long a receiver has to answer, as on Statuspage. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param secret signs the body when not null (generic webhooks); Slack hooks are not signed */
    public Outcome post(String url, String body, String idempotencyKey, Event event, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Vigil")
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Vigil-Event", event.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (secret != null) {
            request.header(Signatures.HEADER, Signatures.sign(secret, bytes));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? Outcome.success("HTTP " + status)
                    : Outcome.failure("HTTP " + status + "; a 2xx answer is needed");
        } catch (HttpConnectTimeoutException e) {
            return Outcome.failure("could not connect within " + CONNECT_TIMEOUT.toSeconds() + " seconds");
        } catch (HttpTimeoutException e) {
            return Outcome.failure("no answer within " + TIMEOUT.toSeconds() + " seconds");
        } catch (ConnectException e) {
            return Outcome.failure("connection refused");
        } catch (IOException e) {
            return Outcome.failure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted: Vigil is stopping");
        }
    }
}
