package dev.vigil.actionitems;

import dev.vigil.errors.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * An item's fields as typed in the console's form or sent to the API, and their checks. Field
 * names are the API's: title, description, owner_id, kind, priority, due_on, source, tracker_url, public.
 *
 * @param keptDueOn the item's current due date when editing (it may be past by now and is kept), else null
 */
public record ItemForm(String title, String description, String ownerId, String kind, String priority,
        String dueOn, String source, String trackerUrl, boolean isPublic, LocalDate keptDueOn) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_URL = 2_000;

    public ItemForm {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        ownerId = ownerId == null ? "" : ownerId;
        kind = kind == null ? "" : kind;
        priority = priority == null ? "" : priority;
        dueOn = dueOn == null ? "" : dueOn;
        source = source == null ? "" : source;
        trackerUrl = trackerUrl == null ? "" : trackerUrl;
    }

    /** A new item's form: the due date from the policy, priority P2, raised in the review. */
    public static ItemForm fresh(LocalDate suggestedDue) {
        return new ItemForm("", "", "", ItemKind.PREVENT.key(), Priority.P2.key(), suggestedDue.toString(),
                ItemSource.REVIEW.key(), "", false, null);
    }

    /** An existing item's fields, to edit (or to patch some of them). */
    public static ItemForm of(ActionItem item) {
        return new ItemForm(item.title(), item.description(), item.ownerId() == null ? "" : item.ownerId().toString(),
                item.kind().key(), item.priority().key(), item.dueOn().toString(), item.source().key(),
                item.trackerUrl() == null ? "" : item.trackerUrl(), item.isPublic(), item.dueOn());
    }

    /** The same form for an item whose due date is now keptDueOn (a past one may stay). */
    public ItemForm withTrackerUrl(String url) {
        return new ItemForm(title, description, ownerId, kind, priority, dueOn, source, url, isPublic, keptDueOn);
    }

    public ItemForm keeping(LocalDate dueOnNow) {
        return new ItemForm(title, description, ownerId, kind, priority, dueOn, source, trackerUrl, isPublic, dueOnNow);
    }

    /**
     * The checked fields.
     *
     * @param today in the site's time zone: a new due date may not be before it
     * @param activeOwners the ids of the users who can own an item (not disabled)
     * @throws InvalidInput naming every field to correct
     */
    public ItemFields check(LocalDate today, Set<Long> activeOwners) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String cleanTitle = title.strip();
        problems.check(!cleanTitle.isEmpty() && cleanTitle.length() <= MAX_TITLE, "title",
                "Enter a title of 1 to " + MAX_TITLE + " characters.");
        problems.check(description.length() <= MAX_DESCRIPTION, "description",
                "Keep the description to " + MAX_DESCRIPTION + " characters.");
        Long owner = owner(activeOwners, problems);
        ItemKind itemKind = ItemKind.parse(kind).orElse(null);
        problems.check(itemKind != null, "kind", "Choose one of " + String.join(", ", ItemKind.keys()) + ".");
        Priority itemPriority = Priority.parse(priority.toUpperCase(Locale.ROOT)).orElse(null);
        problems.check(itemPriority != null, "priority", "Choose one of " + String.join(", ", Priority.keys()) + ".");
        ItemSource itemSource = ItemSource.parse(source).orElse(null);
        problems.check(itemSource != null, "source", "Choose one of " + String.join(", ", ItemSource.keys()) + ".");
        LocalDate due = due(today, problems);
        String url = tracker(problems);
        problems.throwIfAny();
        return new ItemFields(cleanTitle, description.strip(), owner, itemKind, itemPriority, due, itemSource, url,
                isPublic);
    }

    private Long owner(Set<Long> activeOwners, InvalidInput.Collector problems) {
        if (ownerId.isBlank()) {
            problems.check(false, "owner_id", "Choose an owner: every action item needs someone who sees it through.");
            return null;
        }
        Long id;
        try {
            id = Long.parseLong(ownerId.strip());
        } catch (NumberFormatException e) {
            id = null;
        }
        problems.check(id != null && activeOwners.contains(id), "owner_id",
                "There is no active user with the id \"" + ownerId.strip() + "\". Choose someone who can sign in.");
        return id;
    }

    private LocalDate due(LocalDate today, InvalidInput.Collector problems) {
        LocalDate due;
        try {
            due = LocalDate.parse(dueOn.strip());
        } catch (DateTimeException e) {
            problems.check(false, "due_on", "Enter a real date as YYYY-MM-DD, such as " + today.plusDays(30) + ".");
            return null;
        }
        // An item being edited keeps a due date that has passed; a new or changed one must not be past.
        problems.check(due.equals(keptDueOn) || !due.isBefore(today), "due_on",
                "Choose today (" + today + ") or a later date; a due date cannot be in the past.");
        problems.check(due.isBefore(today.plusYears(10)), "due_on", "Choose a date within ten years.");
        return due;
    }

    private String tracker(InvalidInput.Collector problems) {
        String url = trackerUrl.strip();
        if (url.isEmpty()) {
            return null;
        }
        problems.check(url.length() <= MAX_URL && isHttp(url), "tracker_url",
                "Enter the tracker's address starting with http:// or https://, or leave it empty.");
        return url;
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
