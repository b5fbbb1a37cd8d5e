package dev.vigil.heartbeats;

import dev.vigil.accounts.SecretTokens;
import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.db.Database;
import dev.vigil.probes.LatestPings;
import dev.vigil.probes.PingBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeat probes (issue 11): their tokens, the pings their jobs send, and what their checks read. A ping is
 * looked up by the SHA-256 of its token, so neither the lookup's timing nor the database gives a token away; it is
 * stored before the job is answered; then the probe is checked at once, so that a fail opens its outage (and a
 * success closes it) without waiting for the next scheduled look.
 */
public final class Heartbeats implements PingBook {
    static final int MAX_USER_AGENT = 200;
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    /** What became of a ping. */
    public enum Answer {
        RECORDED,
        UNKNOWN_TOKEN,
        TOO_MANY,
        /** Vigil is starting and does not know its heartbeats yet: the job should try again shortly. */
        STARTING
    }

    /** A heartbeat being followed: its settings and, when Vigil made it, its token. */
    private record Followed(HeartbeatTarget target, String generatedToken) {}

    private final Database database;
    private final HeartbeatStore store = new HeartbeatStore();
    private final PingStore pings = new PingStore();
    private final SecretTokens tokens;
    private final String siteUrl;
    private final Duration retention;
    private final Clock clock;
    private final Consumer<String> checkNow;
    private final PingRateLimit rateLimit = new PingRateLimit();
    private final Map<String, LatestPings> latest = new ConcurrentHashMap<>();
    private volatile Map<String, Followed> followed = Map.of();
    private volatile Map<String, String> probeByTokenHash = Map.of();
    private volatile boolean following;

    /**
     * @param siteUrl where jobs reach Vigil, the start of each ping URL
     * @param retention how long pings are kept (the latest success and fail are kept apart, whatever their age)
     * @param checkNow checks a probe at once, on the probe engine
     */
    public Heartbeats(Database database, SecretTokens tokens, String siteUrl, Duration retention, Clock clock,
            Consumer<String> checkNow) {
        this.database = database;
        this.tokens = tokens;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.retention = retention;
        this.clock = clock;
        this.checkNow = checkNow;
    }

    /**
     * Follows exactly the heartbeats among these running probes: each gets its token stored (generated once when
     * vigil.yml sets none) and its latest pings loaded; pings for any other token are refused from now on.
     */
    public synchronized void follow(List<ProbeConfig> running) {
        List<ProbeConfig> heartbeats = running.stream().filter(p -> p.target() instanceof HeartbeatTarget).toList();
        Instant now = clock.instant();
        List<HeartbeatStore.Row> rows = database.write(handle -> heartbeats.stream()
                .map(p -> ensureToken(handle, p.id(), (HeartbeatTarget) p.target(), now)).toList());
        Map<String, Followed> nextFollowed = new HashMap<>();
        Map<String, String> nextByHash = new HashMap<>();
        for (int index = 0; index < rows.size(); index++) {
            HeartbeatStore.Row row = rows.get(index);
            nextFollowed.put(row.probeId(), new Followed((HeartbeatTarget) heartbeats.get(index).target(),
                    row.generatedToken()));
            nextByHash.put(row.tokenHash(), row.probeId());
            LatestPings stored = new LatestPings(row.watchedSince(), null, null);
            stored = row.lastSuccessAt() == null ? stored : stored.withSuccess(row.lastSuccessAt());
            stored = row.lastFailAt() == null ? stored : stored.withFail(row.lastFailAt());
            latest.merge(row.probeId(), stored, Heartbeats::union);
        }
        latest.keySet().retainAll(nextFollowed.keySet());
        rateLimit.forgetAllExcept(nextFollowed.keySet());
        followed = Map.copyOf(nextFollowed);
        probeByTokenHash = Map.copyOf(nextByHash);
        following = true;
    }

    @Override
    public LatestPings latest(String probeId) {
        return latest.getOrDefault(probeId, LatestPings.NONE);
    }

    /**
     * A ping from a job: stored (with the run's duration when it ends a run that a start ping began), then the probe
     * is checked at once. An unknown token changes nothing and learns nothing.
     */
    public Answer receive(String token, PingKind kind, String source, String userAgent) {
        if (!following) {
            return Answer.STARTING;
        }
        String probeId = token == null ? null : probeByTokenHash.get(SecretTokens.hash(token));
        if (probeId == null) {
            return Answer.UNKNOWN_TOKEN;
        }
        Instant at = clock.instant();
        if (!rateLimit.allow(probeId, at)) {
            return Answer.TOO_MANY;
        }
        String agent = userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT);
        database.write(handle -> {
            Duration run = kind.endsRun() ? runSinceStart(handle, probeId, at) : null;
            pings.insert(handle, new Ping(probeId, kind, at, run, source, agent));
            store.recordPing(handle, probeId, kind, at);
            return null;
        });
        latest.computeIfPresent(probeId, (id, known) -> kind == PingKind.SUCCESS ? known.withSuccess(at)
                : kind == PingKind.FAIL ? known.withFail(at) : known);
        if (kind.endsRun()) {
            checkNow.accept(probeId);
        }
        return Answer.RECORDED;
    }

    /** The heartbeat as staff see it, or empty for a probe that is not a followed heartbeat. */
    public Optional<HeartbeatView> view(String probeId) {
        Followed heartbeat = followed.get(probeId);
        if (heartbeat == null) {
            return Optional.empty();
        }
        String pingUrl = heartbeat.generatedToken() == null ? null : pingUrl(heartbeat.generatedToken());
        return Optional.of(database.read(handle -> new HeartbeatView(probeId, heartbeat.target().period(),
                heartbeat.target().grace(), pingUrl, pingUrl(HeartbeatTarget.MASK),
                pings.latest(handle, probeId).orElse(null), pings.latestTimed(handle, probeId).orElse(null))));
    }

    /** The latest pings of a heartbeat, newest first, for staff. */
    public List<Ping> recentPings(String probeId, int limit) {
        return database.read(handle -> pings.latest(handle, probeId, limit));
    }

    /** Removes pings older than the retention period; where each heartbeat stands is kept apart. */
    public int prune() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = database.write(handle -> pings.deleteBefore(handle, cutoff));
        if (deleted > 0) {
            log.info("Removed {} heartbeat pings older than {}", deleted, cutoff);
        }
        return deleted;
    }

    private String pingUrl(String token) {
        return siteUrl + "/ping/" + token;
    }

    private HeartbeatStore.Row ensureToken(Handle handle, String probeId, HeartbeatTarget target, Instant now) {
        Optional<HeartbeatStore.Row> existing = store.find(handle, probeId);
        String generated = null;
        String hash;
        if (target.token() != null) {
            hash = SecretTokens.hash(target.token());
        } else if (existing.isPresent() && existing.get().generatedToken() != null) {
            generated = existing.get().generatedToken();
            hash = existing.get().tokenHash();
        } else {
            generated = tokens.next();
            hash = SecretTokens.hash(generated);
            log.info("Heartbeat {} has no token in vigil.yml; Vigil generated one (admins see its ping URL in the "
                    + "console)", probeId);
        }
        if (existing.isEmpty()) {
            store.insert(handle, probeId, hash, generated, now);
        } else if (!hash.equals(existing.get().tokenHash())) {
            store.changeToken(handle, probeId, hash, generated, now);
        }
        return store.find(handle, probeId).orElseThrow();
    }

    private Duration runSinceStart(Handle handle, String probeId, Instant at) {
        return pings.latest(handle, probeId).filter(previous -> previous.kind() == PingKind.START)
                .map(start -> Duration.between(start.receivedAt(), at))
                .filter(run -> !run.isNegative())
                .orElse(null);
    }

    private static LatestPings union(LatestPings known, LatestPings stored) {
        LatestPings merged = new LatestPings(stored.watchedSince(), known.lastSuccess(), known.lastFail());
        merged = stored.lastSuccess() == null ? merged : merged.withSuccess(stored.lastSuccess());
        return stored.lastFail() == null ? merged : merged.withFail(stored.lastFail());
    }
}
