package dev.vigil.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * GET /api/v1/openapi.json: the admin API's contract, kept by hand in openapi.yaml and served as JSON.
 * It is read once, at construction, so a missing or broken file stops start-up instead of the first
 * request; the site URL is the one thing the file cannot know, so it is added here as servers.
 */
public final class OpenApiDocument {
    /** Public: it describes the API and reveals no data, so the API guard lets this one path through. */
    public static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "/openapi.yaml";

    private final String json;

    public OpenApiDocument(String siteUrl) {
        this(RESOURCE, siteUrl);
    }

    OpenApiDocument(String resource, String siteUrl) {
        this.json = Json.write(withServer(load(resource), siteUrl));
    }

    public void serve(Context ctx) {
        // As the rest of the API: a new deployment may change it, so clients ask again rather than cache.
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(json);
    }

    private static Map<?, ?> load(String resource) {
        Object document;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI contract " + resource + " is missing from the classpath.");
            }
            // Duplicate keys are refused (the default), so a pasted second "get:" is an error, not a silent loss.
            document = new Load(LoadSettings.builder().setLabel(resource).build()).loadFromInputStream(in);
        } catch (YamlEngineException e) {
            throw new IllegalStateException("The OpenAPI contract " + resource + " is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI contract " + resource, e);
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("openapi") instanceof String)
                || !(map.get("paths") instanceof Map)) {
            throw new IllegalStateException("The OpenAPI contract " + resource
                    + " must be a mapping with openapi (a version string) and paths.");
        }
        if (map.containsKey("servers")) {
            throw new IllegalStateException("The OpenAPI contract " + resource
                    + " must not name servers: the site URL of the configuration is filled in when it is loaded.");
        }
        return map;
    }

    /** The document with servers right after info, where a reader looks for it. */
    private static Map<Object, Object> withServer(Map<?, ?> document, String siteUrl) {
        Map<Object, Object> result = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            result.put(key, value);
            if ("info".equals(key)) {
                result.put("servers", List.of(Map.of("url", siteUrl)));
            }
        });
        result.putIfAbsent("servers", List.of(Map.of("url", siteUrl)));
        return result;
    }
}
