package dev.vigil.monitoring;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.ComponentConfig;
import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RedactedUrl;
import dev.vigil.db.Database;
import dev.vigil.errors.Conflict;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.ProbeSettingsStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Creates, changes and retires the components and probes made in the console or through the API
 * (issue 3), each change in one transaction with its audit entry; then the running probes and the
 * public page follow. Those of vigil.yml are refused: the file is their source of truth.
 */
public final class ComponentEditor {
    public static final String SOURCE = "console";

    private final Database database;
    private final ComponentStore components;
    private final ProbeStateStore probes;
    private final ProbeSettingsStore settings;
    private final ConfigSync statuses;
    private final ProbeRegistry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable onChange;

    public ComponentEditor(Database database, ComponentStore components, ProbeStateStore probes,
            ProbeSettingsStore settings, ConfigSync statuses, ProbeRegistry registry, AuditLog audit, Clock clock,
            Runnable onChange) {
        this.database = database;
        this.components = components;
        this.probes = probes;
        this.settings = settings;
        this.statuses = statuses;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** The active components, in page order: the ones a probe may belong to. */
    public List<Component> components() {
        return database.read(components::all);
    }

    public List<String> componentIds() {
        return components().stream().map(Component::id).toList();
    }

    /** An active component made in the console; 404 if there is none, 409 if vigil.yml owns it. */
    public Component editableComponent(String id) {
        Component component = database.read(handle -> components.find(handle, id))
                .orElseThrow(() -> new NotFound("There is no component with the id \"" + id + "\"."));
        if (!SOURCE.equals(component.source())) {
            throw new Conflict("The component \"" + id + "\" is managed in vigil.yml. Edit the file, then "
                    + "reload it from the console's Components page.");
        }
        return component;
    }

    /** An active probe made in the console; 404 if there is none, 409 if vigil.yml owns it. */
    public ProbeConfig editableProbe(String id) {
        if (registry.isFromConfig(id)) {
            throw new Conflict("The probe \"" + id + "\" is managed in vigil.yml. Edit the file, then "
                    + "reload it from the console's Components page.");
        }
        return database.read(handle -> settings.findActive(handle, id))
                .orElseThrow(() -> new NotFound("There is no probe with the id \"" + id + "\"."));
    }

    /** @param position its place on the page, or null for after every other component */
    public void createComponent(ComponentConfig component, Integer position, String actor) {
        write(handle -> {
            boolean taken = handle.createQuery("SELECT COUNT(*) FROM components WHERE id = :id")
                    .bind("id", component.id()).mapTo(Integer.class).one() > 0;
            if (taken) {
                throw InvalidInput.of("id", "\"" + component.id() + "\" is already used by another component "
                        + "(perhaps a retired one); choose another id");
            }
            int place = position != null ? position : handle.createQuery(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM components").mapTo(Integer.class).one();
            components.upsert(handle, component.id(), component.name(), component.group(), component.description(),
                    place, component.essential(), SOURCE, now());
            audit.record(handle, now(), actor, "component.created", "component", component.id(), component.name());
        });
    }

    public void updateComponent(String id, ComponentConfig changed, Integer position, String actor) {
        Component current = editableComponent(id);
        write(handle -> {
            components.upsert(handle, id, changed.name(), changed.group(), changed.description(),
                    position != null ? position : current.position(), changed.essential(), SOURCE, now());
            audit.record(handle, now(), actor, "component.updated", "component", id, changed.name());
        });
    }

    /** Hides the component and stops its probes; its history stays. */
    public void retireComponent(String id, String actor) {
        editableComponent(id);
        write(handle -> {
            handle.createUpdate("UPDATE components SET retired_at = :now WHERE id = :id")
                    .bind("now", now().toEpochMilli()).bind("id", id).execute();
            List<String> stopped = statuses.retireOrphans(handle, now());
            statuses.rederiveStatuses(handle, now());
            audit.record(handle, now(), actor, "component.retired", "component", id,
                    stopped.isEmpty() ? null : "probes stopped: " + String.join(", ", stopped));
        });
        registry.refresh();
    }

    public void createProbe(ProbeConfig probe, String actor) {
        write(handle -> {
            boolean taken = handle.createQuery("SELECT COUNT(*) FROM probes WHERE id = :id")
                    .bind("id", probe.id()).mapTo(Integer.class).one() > 0;
            if (taken) {
                throw InvalidInput.of("id", "\"" + probe.id() + "\" is already used by another probe "
                        + "(perhaps a removed one); choose another id");
            }
            saveProbe(handle, probe);
            audit.record(handle, now(), actor, "probe.created", "probe", probe.id(), probe.http().url().getHost());
        });
        registry.refresh();
    }

    /** A URL still showing the mask where a secret was keeps that stored secret (see {@link RedactedUrl}). */
    public void updateProbe(ProbeConfig submitted, String actor) {
        ProbeConfig probe = withStoredSecrets(submitted, editableProbe(submitted.id()));
        write(handle -> {
            saveProbe(handle, probe);
            audit.record(handle, now(), actor, "probe.updated", "probe", probe.id(), probe.http().url().getHost());
        });
        registry.refresh();
    }

    /** Stops the probe and retires it; its checks and outages stay in the history. */
    public void removeProbe(String id, String actor) {
        editableProbe(id);
        write(handle -> {
            statuses.retireProbe(handle, id, now());
            audit.record(handle, now(), actor, "probe.removed", "probe", id, null);
        });
        registry.refresh();
    }

    public Optional<Component> component(String id) {
        return database.read(handle -> components.find(handle, id));
    }

    private static ProbeConfig withStoredSecrets(ProbeConfig submitted, ProbeConfig stored) {
        URI url = RedactedUrl.restore(submitted.http().url(), stored.http().url()).orElseThrow(() -> InvalidInput.of("url",
                "The URL still shows " + RedactedUrl.MASK + " where a password or secret was, but it now points "
                + "elsewhere or names it differently; type the password or secret again"));
        HttpTarget target = submitted.http().withUrl(url);
        return new ProbeConfig(submitted.id(), submitted.componentId(), target, submitted.interval(),
                submitted.timeout(), submitted.retryInterval(), submitted.failuresToOpen(),
                submitted.successesToClose(), submitted.locations());
    }

    private void saveProbe(Handle handle, ProbeConfig probe) {
        probes.register(handle, probe.id(), probe.componentId(), probe.http().url().toString(), SOURCE, now());
        settings.save(handle, probe, now());
        statuses.rederiveStatuses(handle, now());
    }

    private void write(java.util.function.Consumer<Handle> change) {
        database.write(handle -> {
            change.accept(handle);
            return null;
        });
        onChange.run();
    }

    private Instant now() {
        return clock.instant();
    }
}
