package dev.vigil.config;

import java.util.Optional;

/**
 * Who may read /metrics: anyone when token is null, otherwise only a request bearing it
 * (metrics.token in vigil.yml). A secret: never log it.
 */
public record MetricsAccess(String token) {
    public static final MetricsAccess ANONYMOUS = new MetricsAccess(null);

    public Optional<String> bearerToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "MetricsAccess[" + (token == null ? "anonymous" : "bearer token") + "]";
    }
}
