package dev.vigil.actionitems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Action items of postmortems (issue 4): create, edit, move through statuses, comment, delete.
 * Every change is one transaction: a compare-and-set on the item's version, a history row per
 * changed field and an audit log entry; input that fails its checks leaves nothing behind.
 */
public final class ActionItems {
    public static final int MAX_LISTED = 1_000;
    public static final int MAX_COMMENT = 10_000;

    private final Database database;
    private final ActionItemStore store;
    private final DuePolicy duePolicy;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable onPublicChange;
    private final DonePolicy donePolicy;

    /** onPublicChange runs after a committed status change or deletion, and any change to a public item. */
    public ActionItems(Database database, ActionItemStore store, DuePolicy duePolicy, AuditLog audit, ZoneId zone,
            Clock clock, Runnable onPublicChange, DonePolicy donePolicy) {
        this.donePolicy = donePolicy;
        this.database = database;
        this.store = store;
        this.duePolicy = duePolicy;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
        this.onPublicChange = onPublicChange == null ? () -> {} : onPublicChange;
    }

    /** Today in the site's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The due date a new item of this postmortem gets by default. */
    public LocalDate suggestedDue(PostmortemRef postmortem) {
        return duePolicy.dueOn(postmortem.severity(), today());
    }

    public Optional<PostmortemRef> postmortem(long id) {
        return database.read(handle -> store.postmortem(handle, id));
    }

    public List<ActionItem> ofPostmortem(long postmortemId) {
        return database.read(handle -> store.ofPostmortem(handle, postmortemId));
    }

    public Optional<ActionItem> find(long id) {
        return database.read(handle -> store.find(handle, id));
    }

    /** Items across postmortems passing the filters, overdue first, then by due date; at most {@link #MAX_LISTED}. */
    public List<ActionItem> matching(ItemFilters filters) {
        return database.read(handle -> store.matching(handle, filters, today(), MAX_LISTED));
    }

    public List<ActionItemStore.Owner> owners() {
        return database.read(store::activeUsers);
    }

    public List<ItemChange> changes(long id) {
        return database.read(handle -> store.changes(handle, id));
    }

    public List<ItemComment> comments(long id) {
        return database.read(handle -> store.comments(handle, id));
    }

    /**
     * Adds an open item to the postmortem; empty when there is no such postmortem.
     *
     * @throws InvalidInput naming the fields to correct
     */
    public Optional<ActionItem> create(long postmortemId, ItemForm form, Actor actor) {
        Instant now = clock.instant();
        Optional<ActionItem> created = database.write(handle -> {
            if (store.postmortem(handle, postmortemId).isEmpty()) {
                return Optional.<ActionItem>empty();
            }
            ItemFields fields = form.check(today(), activeOwnerIds(handle));
            long id = store.insert(handle, postmortemId, fields, actor.ref(), now);
            store.addChange(handle, id, now, actor, "created", null, fields.title());
            audit.record(handle, now, actor.ref(), "action_item.created", "action_item", Long.toString(id),
                    fields.title() + " (postmortem " + postmortemId + ")");
            return store.find(handle, id);
        });
        created.filter(ActionItem::isPublic).ifPresent(item -> onPublicChange.run());
        return created;
    }

    /**
     * Sets the item's fields from the form, which is made from the item as it is in the transaction
     * (so an API patch changes only the fields it names). Empty when there is no such item.
     *
     * @param expectedVersion the version the person saw; null takes the current one
     * @throws InvalidInput for bad fields, or when someone else changed the item since expectedVersion
     */
    public Optional<ActionItem> edit(long id, Long expectedVersion, UnaryOperator<ItemForm> form, Actor actor) {
        return change(id, expectedVersion, actor, "action_item.edited", (handle, item) -> withFields(handle, item, form));
    }

    /**
     * Moves the item to a status (its key); won't do needs a reason. Empty when there is no such item.
     *
     * @throws InvalidInput for an unknown status, a missing reason or a stale version
     */
    public Optional<ActionItem> changeStatus(long id, Long expectedVersion, String status, String reason, Actor actor) {
        return change(id, expectedVersion, actor, "action_item.status_changed",
                (handle, item) -> StatusRules.apply(item, status, reason, clock.instant()));
    }

    /**
     * Closes the item as done in one step, first adding the link to the change when one is given.
     * Empty when there is no such item.
     *
     * @param link a link to the change; blank keeps the item's own
     * @throws InvalidInput for a bad link, a link the policy asks for and nobody gave, or a stale version
     */
    public Optional<ActionItem> markDone(long id, Long expectedVersion, String link, Actor actor) {
        String given = link == null ? "" : link.strip();
        return change(id, expectedVersion, actor, "action_item.status_changed", (handle, item) -> {
            ActionItem linked = given.isEmpty() ? item : withFields(handle, item, form -> form.withTrackerUrl(given));
            donePolicy.check(linked);
            return StatusRules.apply(linked, ItemStatus.DONE.key(), null, clock.instant());
        });
    }

    /**
     * The item a list says was just closed (?closed=ID&was=STATUS), for its undo; empty when the
     * parameters name nothing, or the item is no longer done (someone undid it already).
     */
    public Optional<ItemPages.Closed> justClosed(String idParam, String wasParam) {
        Optional<ItemStatus> was = ItemStatus.parse(wasParam == null ? "" : wasParam).filter(status -> !status.closed());
        if (idParam == null || !idParam.matches("[0-9]{1,18}") || was.isEmpty()) {
            return Optional.empty();
        }
        return find(Long.parseLong(idParam)).filter(item -> item.status() == ItemStatus.DONE)
                .map(item -> new ItemPages.Closed(item.id(), item.title(), was.get().key(), was.get().label(),
                        item.version()));
    }

    public DonePolicy donePolicy() {
        return donePolicy;
    }

    /** The API's PATCH: fields and status in one transaction; status null leaves it as it is. */
    public Optional<ActionItem> patch(long id, Long expectedVersion, UnaryOperator<ItemForm> form, String status,
            String reason, Actor actor) {
        return change(id, expectedVersion, actor, "action_item.edited", (handle, item) -> {
            ActionItem edited = withFields(handle, item, form);
            return status == null && reason == null ? edited
                    : StatusRules.apply(edited, status == null ? item.status().key() : status, reason, clock.instant());
        });
    }

    /**
     * Adds a comment by a signed-in user; false when there is no such item.
     *
     * @throws InvalidInput for an empty or overlong comment
     */
    public boolean comment(long id, String body, Actor actor) {
        String text = body == null ? "" : body.strip();
        new InvalidInput.Collector()
                .check(!text.isEmpty() && text.length() <= MAX_COMMENT, "body",
                        "Write a comment of 1 to " + MAX_COMMENT + " characters.")
                .throwIfAny();
        Long userId = Objects.requireNonNull(actor.userId(), "comments are by signed-in users");
        Instant now = clock.instant();
        return database.write(handle -> {
            if (store.find(handle, id).isEmpty()) {
                return false;
            }
            long comment = store.addComment(handle, id, userId, text, now);
            audit.record(handle, now, actor.ref(), "action_item.commented", "action_item", Long.toString(id),
                    "comment " + comment);
            return true;
        });
    }

    /**
     * Deletes the item (it stays stored with its history); false when there is no such item.
     *
     * @throws InvalidInput when someone else changed the item since expectedVersion
     */
    public boolean delete(long id, Long expectedVersion, Actor actor) {
        Instant now = clock.instant();
        boolean deleted = database.write(handle -> {
            ActionItem item = store.find(handle, id).orElse(null);
            if (item == null) {
                return false;
            }
            long version = checkedVersion(item, expectedVersion);
            if (!store.delete(handle, id, version, now)) {
                throw changedMeanwhile();
            }
            store.addChange(handle, id, now, actor, "deleted", null, item.title());
            audit.record(handle, now, actor.ref(), "action_item.deleted", "action_item", Long.toString(id), item.title());
            return true;
        });
        if (deleted) {
            onPublicChange.run();
        }
        return deleted;
    }

    private interface Transform {
        ActionItem apply(Handle handle, ActionItem item);
    }

    private Optional<ActionItem> change(long id, Long expectedVersion, Actor actor, String action, Transform transform) {
        Instant now = clock.instant();
        Change result = database.write(handle -> {
            ActionItem item = store.find(handle, id).orElse(null);
            if (item == null) {
                return null;
            }
            long version = checkedVersion(item, expectedVersion);
            ActionItem changed = transform.apply(handle, item);
            Map<String, String> before = item.historyFields();
            Map<String, String> after = changed.historyFields();
            List<String> fields = before.keySet().stream()
                    .filter(field -> !Objects.equals(before.get(field), after.get(field))).toList();
            if (fields.isEmpty()) {
                return new Change(item, false);
            }
            if (!store.update(handle, changed, version, now)) {
                throw changedMeanwhile();
            }
            for (String field : fields) {
                store.addChange(handle, id, now, actor, field, before.get(field), after.get(field));
            }
            audit.record(handle, now, actor.ref(), action, "action_item", Long.toString(id),
                    item.title() + ": " + String.join(", ", fields));
            return new Change(store.find(handle, id).orElseThrow(),
                    fields.contains("status") || item.isPublic() || changed.isPublic());
        });
        if (result != null && result.touchesPublic()) {
            onPublicChange.run();
        }
        return Optional.ofNullable(result).map(Change::item);
    }

    private record Change(ActionItem item, boolean touchesPublic) {}

    private ActionItem withFields(Handle handle, ActionItem item, UnaryOperator<ItemForm> form) {
        ItemFields fields = form.apply(ItemForm.of(item)).check(today(), activeOwnerIds(handle));
        String ownerName = store.activeUsers(handle).stream().filter(o -> o.id() == fields.ownerId())
                .map(ActionItemStore.Owner::name).findFirst().orElse(item.ownerName());
        return item.with(fields, ownerName);
    }

    private Set<Long> activeOwnerIds(Handle handle) {
        return store.activeUsers(handle).stream().map(ActionItemStore.Owner::id).collect(Collectors.toSet());
    }

    private static long checkedVersion(ActionItem item, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw changedMeanwhile();
        }
        return item.version();
    }

    private static InvalidInput changedMeanwhile() {
        return InvalidInput.of("version", "Someone else changed this item after you opened it. "
                + "Reload the page to see their change, then make yours again.");
    }
}
