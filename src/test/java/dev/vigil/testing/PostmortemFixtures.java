package dev.vigil.testing;

import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.ActionItem;
import dev.vigil.actionitems.ActionItemStore;
import dev.vigil.actionitems.ItemFields;
import dev.vigil.actionitems.ItemKind;
import dev.vigil.actionitems.ItemSource;
import dev.vigil.actionitems.Priority;
import dev.vigil.actionitems.StatusRules;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.postmortems.Postmortem;
import dev.vigil.postmortems.PostmortemStore;
import dev.vigil.postmortems.Severity;
import dev.vigil.postmortems.TimelineEvent;
import dev.vigil.postmortems.TimelineStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Postmortems, their incidents, components, sections, timeline and tags, action items and the
 * people who own them, for tests of what reads them (review, public version, reminders, metrics,
 * search). Rows are written through the features' own stores and status rules, at the fixed time
 * given, so that the tests see rows as the features write them. The few plain inserts below are
 * for states those stores cannot make directly; each says why.
 */
public final class PostmortemFixtures {
    /** A hash no password matches: these people never sign in. */
    private static final String NO_PASSWORD = "$argon2id$v=19$m=19456,t=2,p=1$bm90LXVzZWQ$bm90LXVzZWQ";
    private static final String BY = "user:1";

    private final Database database;
    private final Instant at;
    private final PostmortemStore postmortems = new PostmortemStore();
    private final ActionItemStore items = new ActionItemStore();
    private final UserStore users = new UserStore();

    private PostmortemFixtures(Database database, Instant at) {
        this.database = database;
        this.at = at;
    }

    /** Fixtures in the database, every row made at the given time. */
    public static PostmortemFixtures in(Database database, Instant at) {
        return new PostmortemFixtures(database, at);
    }

    /** Fixtures in the database, every row made now. */
    public static PostmortemFixtures in(Database database) {
        return in(database, Instant.now());
    }

    // People, components and incidents the postmortems are about.

    public long user(String email, String name, Role role) {
        return database.write(handle -> users.create(handle, email, name, role, NO_PASSWORD, at));
    }

    /** An editor whose address is made from the name. */
    public long user(String name) {
        return user(name.toLowerCase().replace(' ', '.') + "@example.com", name, Role.EDITOR);
    }

    public void disable(long userId) {
        database.write(handle -> {
            users.setDisabledAt(handle, userId, at);
            return null;
        });
    }

    /**
     * A component row, for postmortems to name. Plain insert: components come from vigil.yml or the
     * console at start-up, and these tests run on a bare database.
     */
    public void component(String id, String name) {
        database.write(handle -> handle.createUpdate("""
                INSERT INTO components (id, name, position, status, source, created_at, updated_at)
                VALUES (:id, :name, 0, 'operational', 'console', 0, 0)""")
                .bind("id", id).bind("name", name).execute());
    }

    /**
     * A resolved incident that the postmortem is about. Plain insert: the incident service stamps
     * each step with its own clock, and these tests want the whole incident at one fixed time.
     */
    public long resolvedIncident(long postmortemId, String name) {
        return database.write(handle -> {
            long incident = handle.createQuery("""
                    INSERT INTO incidents (name, status, impact, started_at, created_at, updated_at, resolved_at,
                                           source)
                    VALUES (:name, 'resolved', 'major', :at, :at, :at, :at, 'staff') RETURNING id""")
                    .bind("name", name).bind("at", at.toEpochMilli()).mapTo(Long.class).one();
            postmortems.addIncident(handle, postmortemId, incident);
            return incident;
        });
    }

    // Postmortems.

    /** A draft sev2 postmortem with no owner. */
    public long postmortem(String title) {
        return postmortem(title, "sev2", "draft", null);
    }

    /**
     * A postmortem of the given severity (sev1 .. sev4) and status (draft, in_review, approved,
     * published or complete). The status is set with a plain update: the review's way there needs
     * reviewers, approvals and a public text, and these tests only read the state it leaves.
     */
    public long postmortem(String title, String severity, String status, Long ownerId) {
        return database.write(handle -> {
            long id = postmortems.insert(handle, new PostmortemStore.NewPostmortem(title,
                    Severity.parse(severity).orElseThrow(), ownerId, null, null, null, "", at, BY));
            if (!status.equals("draft")) {
                handle.createUpdate("UPDATE postmortems SET status = :status WHERE id = :id")
                        .bind("status", status).bind("id", id).execute();
            }
            return id;
        });
    }

    /** A draft postmortem about the given incidents, with an empty "summary" and "impact" section. */
    public long postmortemOf(String title, long... incidentIds) {
        long id = postmortem(title);
        database.write(handle -> {
            for (long incident : incidentIds) {
                postmortems.addIncident(handle, id, incident);
            }
            return null;
        });
        section(id, "summary", 1, "Summary", "");
        section(id, "impact", 2, "Impact", "");
        return id;
    }

    /** A draft postmortem of the given severity naming the given components. */
    public long postmortemAffecting(String title, String severity, String... componentIds) {
        long id = postmortem(title, severity, "draft", null);
        database.write(handle -> {
            for (String component : componentIds) {
                postmortems.addComponent(handle, id, component);
            }
            return null;
        });
        return id;
    }

    /** A section titled by its key. */
    public void section(long postmortemId, String key, int position, String body) {
        section(postmortemId, key, position, key, body);
    }

    public void section(long postmortemId, String key, int position, String title, String body) {
        database.write(handle -> {
            postmortems.addSection(handle, postmortemId, key, position, title, body, at);
            return null;
        });
    }

    public void editSection(long postmortemId, String key, String body) {
        editSection(postmortemId, key, body, at);
    }

    public void editSection(long postmortemId, String key, String body, Instant when) {
        database.write(handle -> {
            postmortems.updateSection(handle, postmortemId, key, body, when);
            return null;
        });
    }

    /** A note on the timeline, with staff's annotation. */
    public void timelineEvent(long postmortemId, String title, String detail, String annotation) {
        TimelineStore timeline = new TimelineStore();
        TimelineEvent.New note = new TimelineEvent.New(at, "note", null, title, detail);
        database.write(handle -> {
            long event = timeline.insert(handle, postmortemId, note, at, BY);
            timeline.annotate(handle, event, annotation);
            return null;
        });
    }

    public void tag(long postmortemId, String tag) {
        retag(postmortemId, tag, true);
    }

    public void untag(long postmortemId, String tag) {
        retag(postmortemId, tag, false);
    }

    private void retag(long postmortemId, String tag, boolean add) {
        database.write(handle -> {
            TreeSet<String> tags = new TreeSet<>(postmortems.tags(handle, postmortemId));
            if (add) {
                tags.add(tag);
            } else {
                tags.remove(tag);
            }
            postmortems.replaceTags(handle, postmortemId, tags);
            return null;
        });
    }

    public void rename(long postmortemId, String title) {
        database.write(handle -> {
            Postmortem p = postmortems.find(handle, postmortemId).orElseThrow();
            if (!postmortems.claimVersion(handle, postmortemId, p.version(), at)) {
                throw new IllegalStateException("postmortem " + postmortemId + " changed meanwhile");
            }
            postmortems.updateDetails(handle, postmortemId, new PostmortemStore.Details(title, p.severity(),
                    p.ownerId(), p.startedAt(), p.detectedAt(), p.endedAt()));
            return null;
        });
    }

    public void deletePostmortem(long postmortemId) {
        deletePostmortem(postmortemId, at);
    }

    public void deletePostmortem(long postmortemId, Instant when) {
        database.write(handle -> {
            postmortems.markDeleted(handle, postmortemId, when);
            return null;
        });
    }

    public long version(long postmortemId) {
        return count("SELECT version FROM postmortems WHERE id = " + postmortemId);
    }

    public String status(long postmortemId) {
        return database.read(handle -> handle.createQuery("SELECT status FROM postmortems WHERE id = :id")
                .bind("id", postmortemId).mapTo(String.class).one());
    }

    // Action items.

    /** An open P2 item due 2026-12-31, made at the fixtures' time, with no owner yet; see {@link NewItem}. */
    public NewItem item(long postmortemId, String title) {
        return new NewItem(postmortemId, title);
    }

    /** Moves an item to a status by the items' own rules (done and won't do stamp their completion time). */
    public void setItemStatus(long itemId, String status, String wontDoReason, Instant when) {
        change(itemId, item -> StatusRules.apply(item, status, wontDoReason, when), when);
    }

    public void describeItem(long itemId, String description) {
        change(itemId, i -> new ActionItem(i.id(), i.postmortemId(), i.postmortemTitle(), i.severity(), i.title(),
                description, i.ownerId(), i.ownerName(), i.kind(), i.priority(), i.dueOn(), i.status(),
                i.wontDoReason(), i.trackerUrl(), i.source(), i.isPublic(), i.createdAt(), i.createdBy(),
                i.updatedAt(), i.completedAt(), i.version()), at);
    }

    public void deleteItem(long itemId) {
        deleteItem(itemId, at);
    }

    public void deleteItem(long itemId, Instant when) {
        database.write(handle -> items.delete(handle, itemId, items.find(handle, itemId).orElseThrow().version(),
                when));
    }

    public long itemVersion(long itemId) {
        return count("SELECT version FROM action_items WHERE id = " + itemId);
    }

    public long count(String sql) {
        return database.read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private void change(long itemId, UnaryOperator<ActionItem> change, Instant when) {
        database.write(handle -> {
            ActionItem item = items.find(handle, itemId).orElseThrow();
            return items.update(handle, change.apply(item), item.version(), when);
        });
    }

    /** An action item to add, the defaults changed by its methods; {@link #add()} writes it. */
    public final class NewItem {
        private final long postmortemId;
        private final String title;
        private String description = "";
        private Long ownerId;
        private String priority = "P2";
        private LocalDate dueOn = LocalDate.parse("2026-12-31");
        private String status = "open";
        private Instant createdAt = at;
        private Instant completedAt;

        private NewItem(long postmortemId, String title) {
            this.postmortemId = postmortemId;
            this.title = title;
        }

        public NewItem description(String text) {
            this.description = text;
            return this;
        }

        public NewItem owner(Long userId) {
            this.ownerId = userId;
            return this;
        }

        public NewItem priority(String key) {
            this.priority = key;
            return this;
        }

        public NewItem due(LocalDate day) {
            this.dueOn = day;
            return this;
        }

        /** open, in_progress, blocked, done or wont_do; done and won't do close it when it is made. */
        public NewItem status(String key) {
            this.status = key;
            return this;
        }

        public NewItem createdAt(Instant when) {
            this.createdAt = when;
            return this;
        }

        /** When a closed item was closed, if not when it was made. */
        public NewItem completedAt(Instant when) {
            this.completedAt = when;
            return this;
        }

        /** Writes the item; returns its id. */
        public long add() {
            if (ownerId == null || completedAt != null) {
                return plainInsert();
            }
            ItemFields fields = new ItemFields(title, description, ownerId, ItemKind.PREVENT,
                    Priority.parse(priority).orElseThrow(), dueOn, ItemSource.REVIEW, null, false);
            long id = database.write(handle -> items.insert(handle, postmortemId, fields, BY, createdAt));
            if (!status.equals("open")) {
                String reason = status.equals("wont_do") ? "Not worth doing." : null;
                setItemStatus(id, status, reason, createdAt);
            }
            return id;
        }

        /**
         * Plain insert, for what the store cannot make: an item with no owner (the store requires
         * one; rows from before owners were required have none), or one closed at a time of its own.
         */
        private long plainInsert() {
            boolean closed = List.of("done", "wont_do").contains(status);
            Instant completed = completedAt != null ? completedAt : closed ? createdAt : null;
            return database.write(handle -> handle.createQuery("""
                    INSERT INTO action_items (postmortem_id, title, description, owner_id, kind, priority, due_on,
                                              status, source, public, created_at, created_by, updated_at, completed_at,
                                              version)
                    VALUES (:postmortem, :title, :description, :owner, 'prevent', :priority, :due, :status, 'review',
                            0, :created, :by, :created, :completed, 1) RETURNING id""")
                    .bind("postmortem", postmortemId).bind("title", title).bind("description", description)
                    .bind("owner", ownerId).bind("priority", priority).bind("due", dueOn.toString())
                    .bind("status", status).bind("created", createdAt.toEpochMilli()).bind("by", BY)
                    .bind("completed", completed == null ? null : completed.toEpochMilli())
                    .mapTo(Long.class).one());
        }
    }
}
