package dev.vigil.maintenance;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.outages.OutageService;
import dev.vigil.time.TimeFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled maintenance (issue 3). Staff schedule and cancel windows; {@link #advance()}, run by
 * the scheduler every few seconds, adds the coming windows of recurring series and moves every
 * window through its statuses at the times {@link MaintenanceStatus#due} gives. A window's
 * components are under maintenance from its start; at its end they take their status from their
 * probes again and a probe still down opens its outage then.
 *
 * <p>Each window moves in its own transaction, by compare-and-set on its stored status, and every
 * step appends its update row in that transaction: a restart, a crash mid-run or a second process
 * on the same database never applies a step twice.
 */
public final class MaintenanceService {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

    /** How often {@link #advance()} runs: a window starts and ends within this much of its times. */
    public static final Duration JOB_INTERVAL = Duration.ofSeconds(5);
    /** Windows of a recurring series are stored this far ahead, and at most this many of them at a time. */
    public static final Duration SERIES_AHEAD = Duration.ofDays(90);
    public static final int SERIES_WINDOWS_AHEAD = 10;

    static final String IN_PROGRESS_BODY = "Scheduled maintenance is in progress. We will provide updates as necessary.";
    static final String VERIFYING_BODY = "The maintenance work is done; we are verifying that everything works as it should.";
    static final String COMPLETED_BODY = "The scheduled maintenance has been completed.";
    static final String CANCELLED_BODY = "This scheduled maintenance has been cancelled.";
    static final String ENDED_EARLY_BODY = "The maintenance has ended early.";

    private final Database database;
    private final MaintenanceStore store;
    private final ComponentStore components;
    private final OutageService outages;
    private final AuditLog audit;
    private final TimeFormat times;
    private final Clock clock;
    private final Runnable onChange;

    /** onChange runs after every committed change, to rebuild the public page. */
    public MaintenanceService(Database database, MaintenanceStore store, ComponentStore components,
            OutageService outages, AuditLog audit, ZoneId zone, Clock clock, Runnable onChange) {
        this.database = database;
        this.store = store;
        this.components = components;
        this.outages = outages;
        this.audit = audit;
        this.times = new TimeFormat(zone);
        this.clock = clock;
        this.onChange = onChange;
    }

    public Optional<Maintenance> find(long id) {
        return database.read(handle -> store.find(handle, id));
    }

    /** Windows not yet completed, soonest first, and the latest windows, latest first. */
    public record Overview(List<Maintenance> current, List<Maintenance> latest) {}

    public Overview overview(int latest) {
        return database.read(handle -> new Overview(store.current(handle), store.latest(handle, latest)));
    }

    /** Stores a window checked by {@link MaintenanceForm}; a recurring one gets its coming windows at once. */
    public long schedule(NewMaintenance window, String actor) {
        Instant now = clock.instant();
        long id = database.write(handle -> {
            long created = store.insert(handle, window, null, now).orElseThrow();
            store.addUpdate(handle, created, MaintenanceStatus.SCHEDULED, scheduledBody(window), now, now);
            if (window.rrule() != null) {
                store.startSeries(handle, created);
                Maintenance first = store.find(handle, created).orElseThrow();
                addWindows(handle, first, startsAhead(first, now), now);
            }
            audit.record(handle, now, actor, "maintenance.scheduled", "maintenance", Long.toString(created),
                    window.name() + ", " + times.dateTime(window.start()) + " to " + times.dateTime(window.end())
                            + (window.rrule() == null ? "" : ", repeating " + window.rrule()));
            return created;
        });
        onChange.run();
        return id;
    }

    /**
     * Cancels a window that has not completed: before its start it never begins, during it it
     * ends now. With laterToo, the window's series adds no more windows and its later ones are
     * cancelled as well.
     *
     * @throws InvalidInput when the window has already completed
     */
    public void cancel(long id, boolean laterToo, String actor) {
        Instant now = clock.instant();
        database.write(handle -> {
            Maintenance window = store.find(handle, id).orElseThrow();
            if (window.status() == MaintenanceStatus.COMPLETED) {
                throw InvalidInput.of("cancel", "This window has already completed; there is nothing to cancel.");
            }
            boolean wholeSeries = laterToo && window.isRecurring();
            List<Maintenance> targets = wholeSeries
                    ? store.openOfSeriesFrom(handle, window.seriesId(), window.scheduledFor()) : List.of(window);
            if (wholeSeries) {
                store.stopSeries(handle, window.seriesId(), now);
            }
            for (Maintenance target : targets) {
                String body = target.status() == MaintenanceStatus.SCHEDULED ? CANCELLED_BODY : ENDED_EARLY_BODY;
                move(handle, target, target.status(), MaintenanceStatus.COMPLETED, now, body, now, now);
            }
            audit.record(handle, now, actor, "maintenance.cancelled", "maintenance", Long.toString(id),
                    window.name() + (wholeSeries ? ", with the later windows of its series" : ""));
            return null;
        });
        onChange.run();
    }

    /** The job: adds the coming windows of recurring series, then moves each window whose next status is due. */
    public void advance() {
        Instant now = clock.instant();
        boolean changed = extendSeries(now);
        for (Maintenance window : database.read(store::current)) {
            if (MaintenanceStatus.due(window.scheduledFor(), window.scheduledUntil(), now) != window.status()) {
                changed |= database.write(handle -> advance(handle, window.id(), now));
            }
        }
        if (changed) {
            onChange.run();
        }
    }

    /** Moves one window step by step to its due status; false when another run had moved it already. */
    private boolean advance(Handle handle, long id, Instant now) {
        Maintenance window = store.find(handle, id).orElseThrow();
        MaintenanceStatus due = MaintenanceStatus.due(window.scheduledFor(), window.scheduledUntil(), now);
        MaintenanceStatus current = window.status();
        boolean moved = false;
        while (current.compareTo(due) < 0) {
            MaintenanceStatus next = current.next().orElseThrow();
            Instant at = notBefore(next.entersAt(window.scheduledFor(), window.scheduledUntil()), window.createdAt());
            if (!move(handle, window, current, next, at, body(next), null, now)) {
                break;
            }
            current = next;
            moved = true;
        }
        return moved;
    }

    /**
     * One step, if the window is still at from; its update is dated at, when the step took effect.
     * Components go under maintenance when it starts, and back to their probes' word when a window
     * that had begun completes.
     */
    private boolean move(Handle handle, Maintenance window, MaintenanceStatus from, MaintenanceStatus to, Instant at,
            String body, Instant cancelledAt, Instant now) {
        if (!store.move(handle, window.id(), from, to, cancelledAt, now)) {
            log.info("Maintenance {} had already left {}; another run moved it", window.id(), from.apiName());
            return false;
        }
        store.addUpdate(handle, window.id(), to, body, at, now);
        if (to == MaintenanceStatus.IN_PROGRESS) {
            for (String componentId : window.componentIds()) {
                components.lock(handle, componentId);
                components.find(handle, componentId)
                        .filter(c -> c.status() != ComponentStatus.UNDER_MAINTENANCE)
                        .ifPresent(c -> components.changeStatus(handle, componentId, ComponentStatus.UNDER_MAINTENANCE,
                                at, "maintenance: " + window.name()));
            }
        } else if (to == MaintenanceStatus.COMPLETED && !at.isBefore(window.scheduledFor())) {
            // Also for a window cancelled after its start but before the job began it: failures in between opened no outage.
            for (String componentId : window.componentIds()) {
                outages.maintenanceEnded(handle, componentId, at);
            }
        }
        log.info("Maintenance {} ({}) is {}", window.id(), window.name(), to.apiName());
        return true;
    }

    /**
     * A window may start in the minute it was entered, so up to a minute before it existed: its
     * steps are dated no earlier than its creation, lest it hide a moment of history retroactively.
     */
    private static Instant notBefore(Instant at, Instant earliest) {
        return at.isBefore(earliest) ? earliest : at;
    }

    private boolean extendSeries(Instant now) {
        boolean added = false;
        for (Maintenance first : database.read(store::growingSeries)) {
            List<Instant> starts = startsAhead(first, now);
            Set<Instant> stored = database.read(handle -> store.startsOfSeries(handle, first.id(), first.scheduledFor()));
            if (!stored.containsAll(starts)) {
                added |= database.write(handle -> addWindows(handle, first, starts, now));
            }
        }
        return added;
    }

    /**
     * The starts of the series' windows that have not ended yet and begin within {@link #SERIES_AHEAD},
     * at most {@link #SERIES_WINDOWS_AHEAD}. Windows missed entirely while Vigil was not running are not added.
     */
    private List<Instant> startsAhead(Maintenance first, Instant now) {
        Duration length = Duration.between(first.scheduledFor(), first.scheduledUntil());
        try {
            return Recurrence.parse(first.rrule()).starts(first.scheduledFor(), times.zone(),
                    now.minus(length).plusMillis(1), now.plus(SERIES_AHEAD), SERIES_WINDOWS_AHEAD);
        } catch (IllegalArgumentException e) {
            // Checked when it was entered, so only a rule stored by another version could land here.
            log.warn("Maintenance series {} has a rule that cannot be expanded: {}", first.id(), e.getMessage());
            return List.of();
        }
    }

    private boolean addWindows(Handle handle, Maintenance first, List<Instant> starts, Instant now) {
        NewMaintenance template = new NewMaintenance(first.name(), first.description(), first.componentIds(),
                first.scheduledFor(), first.scheduledUntil(), null);
        boolean added = false;
        for (Instant start : starts) {
            NewMaintenance window = template.occurrenceAt(start);
            Optional<Long> id = store.insert(handle, window, first.id(), now);
            id.ifPresent(windowId -> store.addUpdate(handle, windowId, MaintenanceStatus.SCHEDULED,
                    scheduledBody(window), now, now));
            added |= id.isPresent();
        }
        return added;
    }

    private String scheduledBody(NewMaintenance window) {
        return window.description().isBlank()
                ? "Maintenance is scheduled from " + times.dateTime(window.start()) + " to " + times.dateTime(window.end()) + "."
                : window.description();
    }

    private static String body(MaintenanceStatus status) {
        return switch (status) {
            case SCHEDULED -> throw new IllegalStateException("a window is created scheduled");
            case IN_PROGRESS -> IN_PROGRESS_BODY;
            case VERIFYING -> VERIFYING_BODY;
            case COMPLETED -> COMPLETED_BODY;
        };
    }
}
