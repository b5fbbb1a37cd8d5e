package dev.vigil.actionitems;

import dev.vigil.markdown.Markdown;
import dev.vigil.time.TimeFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** Turns items, changes and comments into what the pages show. */
final class ItemViews {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    private final TimeFormat times;
    private final Markdown markdown;
    private final DonePolicy donePolicy;

    ItemViews(TimeFormat times, Markdown markdown, DonePolicy donePolicy) {
        this.times = times;
        this.markdown = markdown;
        this.donePolicy = donePolicy;
    }

    String zone() {
        return times.zone().getId();
    }

    ItemPages.Row row(ActionItem item, LocalDate today) {
        return new ItemPages.Row(item.id(), item.title(), item.postmortemId(), item.postmortemTitle(), owner(item),
                item.kind().label(), item.priority().key(), item.status().label(), DAY.format(item.dueOn()),
                item.dueOn().toString(), relative(item, today), item.overdue(today), item.status().closed(),
                item.version(), donePolicy.needsLink(item.trackerUrl()));
    }

    List<ItemPages.Row> rows(List<ActionItem> items, LocalDate today) {
        return items.stream().map(item -> row(item, today)).toList();
    }

    ItemPages.ItemView view(ActionItem item, LocalDate today) {
        return new ItemPages.ItemView(item.id(), item.version(), item.title(), item.postmortemId(),
                item.postmortemTitle(), item.severity(), owner(item), item.kind().label(), item.priority().label(),
                item.status().label(), item.status().key(), DAY.format(item.dueOn()), relative(item, today),
                item.overdue(today), item.trackerUrl(), item.source().label(), item.isPublic(),
                times.dateTime(item.createdAt()), item.completedAt() == null ? null : times.dateTime(item.completedAt()),
                item.wontDoReason(), item.status().closed(), donePolicy.needsLink(item.trackerUrl()));
    }

    String html(String markdownText) {
        return markdown.toHtml(markdownText);
    }

    ItemPages.ChangeRow change(ItemChange change) {
        return new ItemPages.ChangeRow(times.dateTime(change.at()), change.actorName(), fieldName(change.field()),
                Objects.requireNonNullElse(change.before(), ""), Objects.requireNonNullElse(change.after(), ""));
    }

    ItemPages.CommentRow comment(ItemComment comment) {
        return new ItemPages.CommentRow(times.dateTime(comment.createdAt()), comment.userName(),
                markdown.toHtml(comment.body()));
    }

    ItemPages.ItemFormView form(ItemForm values, List<ActionItemStore.Owner> owners) {
        List<ItemPages.Option> ownerOptions = new java.util.ArrayList<>();
        ownerOptions.add(new ItemPages.Option("", "Choose someone", values.ownerId().isBlank()));
        owners.forEach(o -> ownerOptions.add(new ItemPages.Option(Long.toString(o.id()), o.name(),
                values.ownerId().equals(Long.toString(o.id())))));
        return new ItemPages.ItemFormView(values, ownerOptions,
                options(ItemKind.values(), ItemKind::key, ItemKind::label, values.kind()),
                options(Priority.values(), Priority::key, Priority::label, values.priority()),
                options(ItemSource.values(), ItemSource::key, ItemSource::label, values.source()));
    }

    static <T> List<ItemPages.Option> options(T[] values, Function<T, String> key, Function<T, String> label,
            String selected) {
        return Arrays.stream(values)
                .map(v -> new ItemPages.Option(key.apply(v), label.apply(v), key.apply(v).equals(selected)))
                .toList();
    }

    /** "due today", "due tomorrow", "due in 3 days", "overdue by 2 days"; for a closed item its status and day. */
    static String relative(ActionItem item, LocalDate today) {
        if (item.status().closed()) {
            return item.status().label();
        }
        long days = ChronoUnit.DAYS.between(today, item.dueOn());
        if (days == 0) {
            return "due today";
        }
        if (days == 1) {
            return "due tomorrow";
        }
        return days > 0 ? "due in " + days + " days" : "overdue by " + plural(-days);
    }

    private static String plural(long days) {
        return days + (days == 1 ? " day" : " days");
    }

    private static String owner(ActionItem item) {
        return item.ownerName() == null ? "Nobody" : item.ownerName();
    }

    private static String fieldName(String field) {
        return switch (field) {
            case "due_on" -> "due date";
            case "wont_do_reason" -> "reason for won't do";
            case "tracker_url" -> "tracker link";
            case "completed_at" -> "completed at";
            case "public" -> "shown publicly";
            default -> field;
        };
    }
}
