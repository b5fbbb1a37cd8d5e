package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.Actor;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Staff edits of a postmortem. Each public method is one transaction that writes a revision row
 * per changed field and moves the version on with compare-and-set: given the version the form was
 * loaded with, a lost race throws {@link EditConflict} and writes nothing. Bad input is an
 * {@link InvalidInput} (nothing written); a missing postmortem or event a {@link NotFound}.
 */
public record PostmortemEdits(Database database, PostmortemStore store, TimelineStore timeline, UserStore users,
        AuditLog audit, Clock clock) {

    public static final int SECTION_LIMIT = 50_000;
    public static final int EVENT_TITLE_LIMIT = 200;
    public static final int EVENT_DETAIL_LIMIT = 5_000;
    public static final int TAG_LIMIT = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,40}");

    /**
     * Changes title, severity, owner and times. The end may not be before the start, nor the
     * detection before the start; the owner must be an active user (or null for nobody).
     */
    public void editDetails(User actor, long id, long version, PostmortemStore.Details details) {
        checkDetails(details);
        write(Actor.of(actor), id, version, detailsEdit(id, details));
    }

    /** Replaces one section's Markdown. */
    public void editSection(User actor, long id, long version, String key, String body) {
        write(Actor.of(actor), id, version, sectionEdit(id, key, checkedSection(key, body)));
    }

    /** Replaces the tags: lower-case letters, digits and -, at most 40 characters each. */
    public void setTags(User actor, long id, long version, List<String> tags) {
        write(Actor.of(actor), id, version, tagsEdit(id, cleanTags(tags)));
    }

    /**
     * Several edits at once, for the admin API (issue 4): details (if not null), sections by key and
     * tags (if not null), checked first and written in one transaction with one version step, so a
     * bad field or a stale version leaves everything as it was.
     */
    public record Patch(PostmortemStore.Details details, Map<String, String> sections, List<String> tags) {}

    public void patch(Actor actor, long id, long version, Patch patch) {
        List<Edit> edits = new ArrayList<>();
        if (patch.details() != null) {
            checkDetails(patch.details());
            edits.add(detailsEdit(id, patch.details()));
        }
        patch.sections().forEach((key, body) -> edits.add(sectionEdit(id, key, checkedSection(key, body))));
        if (patch.tags() != null) {
            edits.add(tagsEdit(id, cleanTags(patch.tags())));
        }
        write(actor, id, version, (handle, before, changes) -> edits.forEach(e -> e.apply(handle, before, changes)));
    }

    private Edit detailsEdit(long id, PostmortemStore.Details details) {
        return (handle, before, changes) -> {
            if (details.ownerId() != null && users.find(handle, details.ownerId()).filter(u -> !u.disabled()).isEmpty()) {
                throw InvalidInput.of("owner", "There is no active user " + details.ownerId() + " to own this postmortem.");
            }
            changes.compare("title", before.title(), details.title());
            changes.compare("severity", before.severity().key(), details.severity().key());
            changes.compare("owner", ownerName(handle, before.ownerId()), ownerName(handle, details.ownerId()));
            changes.compare("started_at", iso(before.startedAt()), iso(details.startedAt()));
            changes.compare("detected_at", iso(before.detectedAt()), iso(details.detectedAt()));
            changes.compare("ended_at", iso(before.endedAt()), iso(details.endedAt()));
            store.updateDetails(handle, id, details);
        };
    }

    private static String checkedSection(String key, String body) {
        String text = body == null ? "" : body.replace("\r\n", "\n");
        if (text.length() > SECTION_LIMIT) {
            throw InvalidInput.of("section." + key, "A section holds at most " + SECTION_LIMIT + " characters.");
        }
        return text;
    }

    private Edit sectionEdit(long id, String key, String text) {
        return (handle, before, changes) -> {
            PostmortemStore.Section section = store.sections(handle, id).stream().filter(s -> s.key().equals(key))
                    .findFirst().orElseThrow(() -> new NotFound("No section " + key + " in postmortem " + id));
            changes.compare("section:" + key, section.body(), text);
            store.updateSection(handle, id, key, text, clock.instant());
        };
    }

    private static Set<String> cleanTags(List<String> tags) {
        Set<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = tag.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(t).matches()) {
                throw InvalidInput.of("tags", "Tags are lower-case letters, digits and -, at most 40 characters (\""
                        + tag.strip() + "\" is not).");
            }
            clean.add(t);
        }
        if (clean.size() > TAG_LIMIT) {
            throw InvalidInput.of("tags", "At most " + TAG_LIMIT + " tags.");
        }
        return clean;
    }

    private Edit tagsEdit(long id, Set<String> clean) {
        return (handle, before, changes) -> {
            changes.compare("tags", String.join(", ", store.tags(handle, id)), String.join(", ", clean));
            store.replaceTags(handle, id, clean);
        };
    }

    /** Adds an event staff write themselves. */
    public long addEvent(User actor, long id, long version, Instant at, String title, String detail) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        problems.check(at != null, "event_at", "Give the time of the event.");
        problems.check(title != null && !title.isBlank() && title.strip().length() <= EVENT_TITLE_LIMIT, "event_title",
                "Give the event a title of at most " + EVENT_TITLE_LIMIT + " characters.");
        problems.check(detail == null || detail.length() <= EVENT_DETAIL_LIMIT, "event_detail",
                "The detail is at most " + EVENT_DETAIL_LIMIT + " characters.");
        problems.throwIfAny();
        long[] added = new long[1];
        write(Actor.of(actor), id, version, (handle, before, changes) -> {
            added[0] = timeline.insert(handle, id, new TimelineEvent.New(at, TimelineBuilder.NOTE, null, title.strip(),
                    detail == null ? "" : detail.strip()), clock.instant(), actor.actor());
            changes.compare("timeline:" + added[0], null, "added: " + title.strip());
        });
        return added[0];
    }

    /** Hides an event from the exports and the default view, or shows it again. */
    public void setHidden(User actor, long id, long version, long eventId, boolean hidden) {
        write(Actor.of(actor), id, version, (handle, before, changes) -> {
            TimelineEvent event = event(handle, id, eventId);
            changes.compare("timeline:" + eventId, event.hidden() ? "hidden" : "shown", hidden ? "hidden" : "shown");
            timeline.setHidden(handle, eventId, hidden);
        });
    }

    /** Marks an event as a key moment of the incident, or unmarks it. */
    public void setPinned(User actor, long id, long version, long eventId, boolean pinned) {
        write(Actor.of(actor), id, version, (handle, before, changes) -> {
            TimelineEvent event = event(handle, id, eventId);
            changes.compare("timeline:" + eventId, event.pinned() ? "pinned" : "not pinned",
                    pinned ? "pinned" : "not pinned");
            timeline.setPinned(handle, eventId, pinned);
        });
    }

    /** Sets an event's annotation; blank clears it. */
    public void annotate(User actor, long id, long version, long eventId, String annotation) {
        String text = annotation == null || annotation.isBlank() ? null : annotation.strip();
        if (text != null && text.length() > EVENT_DETAIL_LIMIT) {
            throw InvalidInput.of("annotation", "An annotation is at most " + EVENT_DETAIL_LIMIT + " characters.");
        }
        write(Actor.of(actor), id, version, (handle, before, changes) -> {
            TimelineEvent event = event(handle, id, eventId);
            changes.compare("timeline:" + eventId, event.annotation(), text);
            timeline.annotate(handle, eventId, text);
        });
    }

    private static void checkDetails(PostmortemStore.Details d) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        problems.check(d.title() != null && !d.title().isBlank(), "title", "Give the postmortem a title.");
        problems.check(d.title() == null || d.title().length() <= Postmortems.TITLE_LIMIT, "title",
                "The title is at most " + Postmortems.TITLE_LIMIT + " characters.");
        problems.check(d.severity() != null, "severity", "Choose a severity.");
        boolean endOk = d.startedAt() == null || d.endedAt() == null || !d.endedAt().isBefore(d.startedAt());
        problems.check(endOk, "ended_at", "The end cannot be before the start.");
        boolean detectOk = d.startedAt() == null || d.detectedAt() == null || !d.detectedAt().isBefore(d.startedAt());
        problems.check(detectOk, "detected_at", "The detection cannot be before the start.");
        problems.throwIfAny();
    }

    private TimelineEvent event(Handle handle, long id, long eventId) {
        return timeline.find(handle, id, eventId)
                .orElseThrow(() -> new NotFound("No event " + eventId + " in postmortem " + id));
    }

    private String ownerName(Handle handle, Long ownerId) {
        return ownerId == null ? null : users.find(handle, ownerId).map(User::name).orElse("user " + ownerId);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One edit: the change, then (if anything changed) the version claim, revisions and audit entry. */
    private interface Edit {
        void apply(Handle handle, Postmortem before, Changes changes);
    }

    /** The fields an edit changed, with their texts before and after. */
    private static final class Changes {
        final List<String[]> fields = new ArrayList<>();

        void compare(String field, String before, String after) {
            if (!Objects.equals(before, after)) {
                fields.add(new String[] {field, before, after});
            }
        }
    }

    private void write(Actor actor, long id, long version, Edit edit) {
        Instant now = clock.instant();
        database.write(handle -> {
            Postmortem before = store.find(handle, id).orElseThrow(() -> new NotFound("No postmortem " + id));
            if (before.version() != version) {
                throw new EditConflict();
            }
            Changes changes = new Changes();
            edit.apply(handle, before, changes);
            if (changes.fields.isEmpty()) {
                return null;
            }
            if (!store.claimVersion(handle, id, version, now)) {
                throw new EditConflict(); // the transaction rolls back the change made above
            }
            for (String[] field : changes.fields) {
                store.addRevision(handle, new PostmortemStore.Revision(0, id, now, actor.ref(), actor.name(),
                        field[0], field[1], field[2]));
            }
            audit.record(handle, now, actor.ref(), "postmortem.edited", "postmortem", Long.toString(id),
                    String.join(", ", changes.fields.stream().map(f -> f[0]).toList()));
            return null;
        });
    }
}
