package dev.vigil.home;

import dev.vigil.actionitems.DonePolicy;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Words for the rows of the console home: ages, states and what to do next, from the raw reads. */
record HomeRows(TimeFormat times, Instant now, LocalDate today, DonePolicy donePolicy) {

    HomePages.Row incident(NeedsMe.OpenIncident incident) {
        String last = incident.lastUpdateAt() == null ? "no update posted yet"
                : "last update " + ago(incident.lastUpdateAt());
        return new HomePages.Row("/console/incidents/" + incident.id(), incident.name(), capitalised(incident.status()),
                "urgent", "Impact " + incident.impact() + " · open for " + since(incident.startedAt()) + " · " + last);
    }

    HomePages.Row notice(NeedsMe.NoticeToWrite notice) {
        String state = !notice.hasDraft() ? "No notice yet" : notice.hasPublished() ? "Changes not published"
                : "Draft not published";
        return new HomePages.Row("/console/incidents/" + notice.incidentId() + "/notice", notice.incidentName(), state,
                "waiting", "Resolved " + ago(notice.resolvedAt()) + " · " + (notice.hasPublished()
                        ? "the published notice is behind its draft" : "customers have no notice of it yet"));
    }

    HomePages.Row postmortem(NeedsMe.PostmortemTask task) {
        String href = "/console/postmortems/" + task.id();
        if (task.asReviewer()) {
            return new HomePages.Row(href + "/review", task.title(), "Review", "waiting",
                    "You were asked to review it " + ago(task.since()));
        }
        return switch (task.status()) {
            case "draft" -> new HomePages.Row(href, task.title(), "Write", "waiting",
                    "Your draft · last changed " + ago(task.since()));
            case "in_review" -> new HomePages.Row(href + "/review", task.title(), "In review", "calm",
                    "Waiting for its reviewers · submitted " + ago(task.since()));
            default -> new HomePages.Row(href + "/public", task.title(), "Publish", "waiting",
                    "Approved " + ago(task.since()) + " · the public version is next");
        };
    }

    HomePages.ItemRow item(NeedsMe.ItemDue item) {
        long days = ChronoUnit.DAYS.between(today, item.dueOn());
        String when = days < 0 ? "overdue by " + plural(-days, "day") : days == 0 ? "due today"
                : days == 1 ? "due tomorrow" : "due in " + days + " days";
        return new HomePages.ItemRow(item.id(), "/console/action-items/" + item.id(), item.title(),
                item.dueOn().toString(), item.dueOn().toString(), days < 0, when, item.postmortemTitle(), item.version(),
                donePolicy.needsLink(item.trackerUrl()));
    }

    HomePages.Row probe(NeedsMe.FailingProbe probe) {
        String tag = switch (probe.status()) {
            case "DOWN" -> "Down";
            case "DEGRADED" -> "Slow";
            default -> "Failing, not confirmed";
        };
        boolean confirmed = !"UP".equals(probe.status());
        String since = probe.failingSince() == null ? "Since an unknown time" : "Since " + times.time(probe.failingSince())
                + " (" + TimeFormat.duration(Duration.between(probe.failingSince(), now)) + ")";
        String checks = confirmed ? "" : " · " + plural(probe.failedChecks(), "failed check");
        String reason = probe.reason() == null || probe.reason().isBlank() ? "" : " · " + probe.reason();
        return new HomePages.Row("/console/components#component-" + probe.componentId(),
                probe.componentName() + ": " + probe.probeId(), tag, confirmed ? "urgent" : "waiting",
                since + checks + reason);
    }

    private String since(Instant start) {
        return TimeFormat.duration(Duration.between(start, now));
    }

    private String ago(Instant at) {
        return at == null ? "at an unknown time" : TimeFormat.duration(Duration.between(at, now)) + " ago";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String capitalised(String key) {
        return key.isEmpty() ? key : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1).replace('_', ' ');
    }
}
