package dev.vigil.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for form tests: keeps cookies, does not follow redirects. */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A GET as a browser sends it, asking for HTML first. */
    public HttpResponse<String> getPage(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts fields in the order given, a name possibly more than once (as checkboxes send them). */
    public HttpResponse<String> postFields(String path, java.util.List<Map.Entry<String, String>> form) {
        String body = form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts an already encoded form body, for forms with repeated fields (checkboxes). */
    public HttpResponse<String> postEncoded(String path, String encodedBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedBody)).build());
    }

    /** Loads a page and posts its form with the CSRF token the page carried, like a person would. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(pagePath).body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + pagePath);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        return post(action, form);
    }

    /** Like {@link #submit}, for forms that send a name more than once (checkboxes), in the order given. */
    public HttpResponse<String> submitFields(String pagePath, String action, java.util.List<Map.Entry<String, String>> fields) {
        Matcher token = CSRF.matcher(get(pagePath).body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + pagePath);
        }
        java.util.List<Map.Entry<String, String>> form = new java.util.ArrayList<>(fields);
        form.add(Map.entry("_csrf", token.group(1)));
        return postFields(action, form);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
