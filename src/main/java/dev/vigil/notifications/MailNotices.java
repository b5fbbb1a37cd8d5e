package dev.vigil.notifications;

import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.NoticeStore.Publication;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words of the mails subscribers get: the confirmation, one mail per incident update and per published notice. */
record MailNotices(String siteName, Links links, TimeFormat times) {

    /** The double opt-in mail. The link holds the only copy of the token outside the mail. */
    public OutgoingMail confirmation(String to, String token, String unsubscribeToken, Duration linkLife) {
        String text = """
                Someone, hopefully you, asked for status updates from %s to be sent to this address.

                To start receiving them, open this link and press Confirm:
                %s

                The link works once, for %s. If you did not ask for this, ignore this mail: you will not \
                hear from us again. To cancel the request at once, use this link:
                %s
                """.formatted(siteName, links.confirm(token), TimeFormat.duration(linkLife),
                links.unsubscribe(unsubscribeToken));
        return new OutgoingMail(to, "[" + siteName + "] Confirm your subscription", text,
                links.unsubscribe(unsubscribeToken));
    }

    /**
     * One update of an incident.
     *
     * @param componentNames component names by id, for the affected components line
     */
    public OutgoingMail incidentUpdate(Subscriber subscriber, Incident incident, IncidentUpdate update,
            Map<String, String> componentNames) {
        StringBuilder text = new StringBuilder()
                .append(incident.name()).append('\n')
                .append(update.status().label()).append(", ").append(times.dateTime(update.displayAt())).append("\n\n")
                .append(update.body().strip()).append("\n\n");
        String affected = affected(incident, update, componentNames);
        if (!affected.isEmpty()) {
            text.append("Components: ").append(affected).append('\n');
        }
        text.append("Follow this incident: ").append(links.incident(incident.id())).append("\n\n")
                .append("-- \n")
                .append("You get this because you subscribed to updates from ").append(siteName)
                .append(scope(subscriber, componentNames)).append(".\n")
                .append("Unsubscribe with one click: ").append(links.unsubscribe(subscriber.unsubscribeToken()))
                .append('\n');
        // A line break in a header would start a new header; names are single lines anyway.
        String subject = ("[" + siteName + "] " + incident.name() + " (" + update.status().label() + ")")
                .replaceAll("[\\r\\n]+", " ");
        return new OutgoingMail(subscriber.target(), subject, text.toString(),
                links.unsubscribe(subscriber.unsubscribeToken()));
    }

    /**
     * A published notice: the report of a resolved incident, in its Markdown as written (it reads
     * well as plain text). A republished notice says it was updated.
     */
    public OutgoingMail noticePublished(Subscriber subscriber, Incident incident, Publication publication,
            Map<String, String> componentNames) {
        String what = publication.isUpdate() ? "Updated incident report" : "Incident report";
        String text = incident.name() + "\n"
                + what + ", published " + times.dateTime(publication.publishedAt()) + "\n\n"
                + publication.body().strip() + "\n\n"
                + "Read it on the status page: " + links.incident(incident.id()) + "\n\n"
                + "-- \n"
                + "You get this because you subscribed to updates from " + siteName
                + scope(subscriber, componentNames) + ".\n"
                + "Unsubscribe with one click: " + links.unsubscribe(subscriber.unsubscribeToken()) + "\n";
        String subject = ("[" + siteName + "] " + what + ": " + incident.name()).replaceAll("[\\r\\n]+", " ");
        return new OutgoingMail(subscriber.target(), subject, text, links.unsubscribe(subscriber.unsubscribeToken()));
    }

    private static String affected(Incident incident, IncidentUpdate update, Map<String, String> componentNames) {
        if (!update.affectedComponents().isEmpty()) {
            return String.join(", ", update.affectedComponents().stream()
                    .map(a -> name(a.componentId(), componentNames) + " ("
                            + a.newStatus().label().toLowerCase(Locale.ROOT) + ")")
                    .toList());
        }
        return String.join(", ", incident.componentIds().stream().map(id -> name(id, componentNames)).toList());
    }

    private static String scope(Subscriber subscriber, Map<String, String> componentNames) {
        List<String> chosen = subscriber.componentIds();
        if (chosen.isEmpty()) {
            return "";
        }
        return " for " + String.join(", ", chosen.stream().map(id -> name(id, componentNames)).toList());
    }

    private static String name(String componentId, Map<String, String> componentNames) {
        return componentNames.getOrDefault(componentId, componentId);
    }
}
