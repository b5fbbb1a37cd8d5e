package dev.vigil.notifications;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Public subscriptions: email with double opt-in (only a confirmed address is ever told anything),
 * webhooks, the one-click way out, and their removal by staff. Requests are throttled per email
 * address and per client address, so the form cannot be used to flood someone's inbox.
 */
record Subscriptions(Database database, SubscriberStore subscribers, DeliveryStore deliveries,
        ComponentStore components, MailNotices mail, SecretTokens tokens, WebhookAddresses addresses, AuditLog audit,
        boolean emailEnabled, Clock clock) {

    public static final Duration CONFIRM_LINK_LIFE = Duration.ofHours(48);
    static final Duration REQUEST_WINDOW = Duration.ofHours(1);
    /** Confirmation mails one address can be sent per window. */
    static final int REQUESTS_PER_EMAIL = 3;
    /** Subscription requests from one client address per window. */
    static final int REQUESTS_PER_ADDRESS = 10;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final String CHOOSE_LISTED = "Choose among the components listed, or none for all of them.";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    /** Too many requests for one email address or from one client; try again later. */
    public static final class TooManyRequests extends RuntimeException {
        TooManyRequests(String message) {
            super(message);
        }
    }

    /** A new webhook subscription: its secret is shown this once and never again. */
    public record WebhookSubscription(String url, String secret, String unsubscribeToken) {}

    /** Whether email subscriptions are offered: only with a mail server configured. */
    public boolean emailAvailable() {
        return emailEnabled;
    }

    /** The components a subscriber may choose from, in page order. */
    public List<Component> choices() {
        return database.read(components::all);
    }

    /**
     * Queues a confirmation mail with a new one-time link. The outcome reads the same whether the
     * address was new, waiting for confirmation, or confirmed already (then nothing is sent), so
     * the form does not tell strangers who is subscribed.
     */
    public void subscribeEmail(String email, List<String> componentIds, String clientAddress) {
        if (!emailEnabled) {
            throw InvalidInput.of("email", "Updates by email are not available here: no mail server is configured.");
        }
        String address = normalise(email);
        Optional<List<String>> checked = checkedComponents(componentIds);
        new InvalidInput.Collector()
                .check(address.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(address).matches(), "email",
                        "Enter an email address such as ada@example.com.")
                .check(checked.isPresent(), "components", CHOOSE_LISTED)
                .throwIfAny();
        List<String> chosen = checked.orElseThrow();
        Instant now = clock.instant();
        database.write(handle -> {
            throttle(handle, address, clientAddress, now);
            subscribers.recordRequest(handle, address, clientAddress, now, now.minus(REQUEST_WINDOW));
            Optional<Subscriber> existing = subscribers.findActive(handle, Channel.EMAIL, address);
            if (existing.isPresent() && existing.get().confirmed()) {
                return null;
            }
            String token = tokens.next();
            String tokenHash = SecretTokens.hash(token);
            long id;
            String unsubscribeToken;
            if (existing.isPresent()) {
                id = existing.get().id();
                unsubscribeToken = existing.get().unsubscribeToken();
                // Only confirmation mails can wait for an unconfirmed subscriber; their links stop working now.
                deliveries.cancelForSubscriber(handle, id, now, "replaced by a newer confirmation link");
                subscribers.renewConfirmation(handle, id, tokenHash, now);
                subscribers.replaceComponents(handle, id, chosen);
            } else {
                unsubscribeToken = tokens.next();
                id = subscribers.create(handle, new SubscriberStore.New(Channel.EMAIL, address, chosen, tokenHash,
                        unsubscribeToken, null, now, false));
            }
            OutgoingMail confirmation = mail.confirmation(address, token, unsubscribeToken, CONFIRM_LINK_LIFE);
            deliveries.enqueue(handle, new Delivery.New("confirm:sub:" + id + ":" + tokenHash.substring(0, 16),
                    Channel.EMAIL, Event.CONFIRMATION, id, null, address, confirmation.toJson()), now);
            return null;
        });
    }

    /** Registers a webhook; it is told of incidents and component changes from now on. */
    public WebhookSubscription subscribeWebhook(String url, List<String> componentIds, String clientAddress) {
        URI uri = WebhookUrls.parse("url", url);
        List<String> chosen = checkedComponents(componentIds)
                .orElseThrow(() -> InvalidInput.of("components", CHOOSE_LISTED));
        addresses.refusal(uri).ifPresent(reason -> {
            throw InvalidInput.of("url", "Vigil does not post to this URL: " + reason + ".");
        });
        String target = uri.toString();
        Instant now = clock.instant();
        String secret = tokens.next();
        String unsubscribeToken = tokens.next();
        database.write(handle -> {
            throttle(handle, null, clientAddress, now);
            subscribers.recordRequest(handle, null, clientAddress, now, now.minus(REQUEST_WINDOW));
            if (subscribers.findActive(handle, Channel.WEBHOOK, target).isPresent()) {
                throw InvalidInput.of("url", "This URL is subscribed already. To change its components or get a "
                        + "new secret, unsubscribe it with the link in any of its posts (meta.unsubscribe) and "
                        + "subscribe again.");
            }
            return subscribers.create(handle, new SubscriberStore.New(Channel.WEBHOOK, target, chosen, null,
                    unsubscribeToken, secret, now, true));
        });
        return new WebhookSubscription(target, secret, unsubscribeToken);
    }

    /** The subscriber a confirmation link is for, while the link is unused and fresh. */
    public Optional<Subscriber> awaitingConfirmation(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.read(handle -> subscribers.byConfirmTokenHash(handle, SecretTokens.hash(token)))
                .filter(s -> s.confirmSentAt() != null && s.confirmSentAt().plus(CONFIRM_LINK_LIFE).isAfter(now));
    }

    /** Confirms the subscription of a fresh, unused link; false when the link is not (or no longer) good. */
    public boolean confirm(String token) {
        Instant now = clock.instant();
        return awaitingConfirmation(token)
                .map(subscriber -> database.write(handle -> subscribers.confirm(handle, subscriber.id(), now)))
                .orElse(false);
    }

    /** The subscriber of an unsubscribe link, also once it has left. */
    public Optional<Subscriber> byUnsubscribeToken(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return database.read(handle -> subscribers.byUnsubscribeToken(handle, token));
    }

    /** Ends a subscription from its link, and cancels what still waits to be sent to it. Empty for an unknown link. */
    public Optional<Subscriber> unsubscribe(String token) {
        Instant now = clock.instant();
        return byUnsubscribeToken(token).map(subscriber -> {
            database.write(handle -> {
                if (subscribers.remove(handle, subscriber.id(), now)) {
                    deliveries.cancelForSubscriber(handle, subscriber.id(), now, DeliveryStore.RECIPIENT_REMOVED);
                }
                return null;
            });
            return subscriber;
        });
    }

    /** Subscribers who have not left, newest first, for the console. */
    public List<Subscriber> active(int limit) {
        return database.read(handle -> subscribers.active(handle, limit));
    }

    /** Removes a subscriber on a staff member's word; false when it had left already. */
    public boolean remove(long id, String actor) {
        Instant now = clock.instant();
        return database.write(handle -> {
            Optional<Subscriber> subscriber = subscribers.find(handle, id);
            if (subscriber.isEmpty() || !subscribers.remove(handle, id, now)) {
                return false;
            }
            deliveries.cancelForSubscriber(handle, id, now, DeliveryStore.RECIPIENT_REMOVED);
            audit.record(handle, now, actor, "subscriber.removed", "subscriber", Long.toString(id),
                    subscriber.get().channel().key() + " " + Masks.target(subscriber.get().channel(),
                            subscriber.get().target()));
            return true;
        });
    }

    private void throttle(Handle handle, String email, String clientAddress, Instant now) {
        Instant since = now.minus(REQUEST_WINDOW);
        if (email != null && subscribers.requestsForEmail(handle, email, since) >= REQUESTS_PER_EMAIL) {
            throw new TooManyRequests("This address has been sent several confirmation links in the last hour. "
                    + "Use the newest one, or try again in an hour.");
        }
        if (subscribers.requestsFromAddress(handle, clientAddress, since) >= REQUESTS_PER_ADDRESS) {
            throw new TooManyRequests("Too many subscription requests from your network. Try again in an hour.");
        }
    }

    /** The chosen component ids, each once; empty when one of them is not on the page. */
    private Optional<List<String>> checkedComponents(List<String> componentIds) {
        Set<String> chosen = new LinkedHashSet<>(componentIds == null ? List.of() : componentIds);
        List<String> known = choices().stream().map(Component::id).toList();
        return known.containsAll(chosen) ? Optional.of(List.copyOf(chosen)) : Optional.empty();
    }

    /** Tokens are 43 URL-safe characters; anything else cannot be one, and is not looked up. */
    private static boolean plausible(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,100}");
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
