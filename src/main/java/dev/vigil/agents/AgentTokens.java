package dev.vigil.agents;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.config.ProbeLocations;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens of probe agents (issue 11), the way API tokens are kept: a new token's secret is shown once, only its
 * SHA-256 is stored, revoking takes effect on the agent's next request. Each token is bound to one location name;
 * several tokens may share one (a replacement agent, a second machine). The secret starts with {@value #PREFIX}.
 */
public final class AgentTokens {
    public static final String PREFIX = "vgla_";
    private static final int MAX_NAME = 100;
    /** Last seen is written at most this often; the in-memory figure (and /metrics) follows every request. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(10);

    /** Told when an agent's location is seen, and when its last live token is revoked; for /metrics. */
    public interface Sightings {
        Sightings NONE = new Sightings() {
            @Override
            public void seen(String location, Instant at) {}

            @Override
            public void gone(String location) {}
        };

        void seen(String location, Instant at);

        void gone(String location);
    }

    /** A new token and its secret, which exists only here: show it once, never store it. */
    public record Created(AgentToken token, String secret) {}

    private final Database database;
    private final AgentTokenStore store = new AgentTokenStore();
    private final AuditLog audit;
    private final SecretTokens secrets;
    private final Clock clock;
    private final Sightings sightings;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastSeenById = new ConcurrentHashMap<>();

    public AgentTokens(Database database, AuditLog audit, SecretTokens secrets, Clock clock, Sightings sightings) {
        this.database = database;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.sightings = sightings;
    }

    /**
     * @param actor who creates it, as the audit log names people and tokens ("user:3", "token:7")
     * @param createdBy the user's id, or null when an API token creates it
     */
    public Created create(String actor, Long createdBy, String name, String location) {
        String trimmedName = name == null ? "" : name.strip();
        String trimmedLocation = location == null ? "" : location.strip();
        new InvalidInput.Collector()
                .check(!trimmedName.isEmpty() && trimmedName.length() <= MAX_NAME, "name",
                        "Name the agent after where it runs, in 1 to " + MAX_NAME + " characters.")
                .check(ProbeLocations.isAgentLocation(trimmedLocation), "location",
                        "Give the location as probes name it in locations:, such as eu-west: lower case letters, "
                                + "digits and dashes, at most 40; \"server\" is Vigil itself.")
                .throwIfAny();
        String secret = PREFIX + secrets.next();
        Instant now = clock.instant();
        return database.write(handle -> {
            long id = store.create(handle, SecretTokens.hash(secret), trimmedName, trimmedLocation, createdBy, now);
            audit.record(handle, now, actor, "agent_token.created", "agent_token", Long.toString(id),
                    trimmedName + ", location " + trimmedLocation);
            return new Created(store.find(handle, id).orElseThrow(), secret);
        });
    }

    /** Every token, revoked ones too, newest first, with the last sighting seen in memory since the start. */
    public List<AgentToken> all() {
        return database.read(store::all).stream().map(this::withLatestSighting).toList();
    }

    /** Revokes a token at once; empty when there is no such token. */
    public Optional<AgentToken> revoke(String actor, long id) {
        Instant now = clock.instant();
        Optional<AgentToken> revoked = database.write(handle -> store.find(handle, id).map(token -> {
            if (store.revoke(handle, id, now)) {
                audit.record(handle, now, actor, "agent_token.revoked", "agent_token", Long.toString(id),
                        token.name() + ", location " + token.location());
            }
            return store.find(handle, id).orElseThrow();
        }));
        revoked.filter(token -> !database.read(handle -> store.anyLiveAt(handle, token.location())))
                .ifPresent(token -> {
                    lastSeen.remove(token.location());
                    sightings.gone(token.location());
                });
        return revoked;
    }

    /** The live token with this secret, its sighting recorded; empty for unknown or revoked secrets. */
    public Optional<AgentToken> authenticate(String secret) {
        if (secret == null || secret.isBlank() || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(secret);
        Instant now = clock.instant();
        Optional<AgentToken> found = database.read(handle -> store.findByHash(handle, tokenHash))
                .filter(token -> !token.revoked());
        found.ifPresent(token -> {
            lastSeen.put(token.location(), now);
            lastSeenById.put(token.id(), now);
            sightings.seen(token.location(), now);
            if (token.lastSeenAt() == null || !token.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
                database.write(handle -> {
                    store.touch(handle, token.id(), now);
                    return null;
                });
            }
        });
        return found;
    }

    /** When each location's agent was last seen since Vigil started, by location; for /metrics. */
    public Map<String, Instant> lastSeen() {
        return Map.copyOf(lastSeen);
    }

    private AgentToken withLatestSighting(AgentToken token) {
        Instant seen = lastSeenById.get(token.id());
        if (seen == null || (token.lastSeenAt() != null && !seen.isAfter(token.lastSeenAt()))) {
            return token;
        }
        return new AgentToken(token.id(), token.name(), token.location(), token.createdBy(), token.createdAt(), seen,
                token.revokedAt());
    }
}
