-- Subscriber notifications and staff alerts (issue 3).
-- Notices are derived from the history rows (incident_updates, component_status_changes): a job
-- reads the rows past a stored cursor and, in the same transaction, queues one delivery per
-- recipient and moves the cursor. A sender works through the queue; every attempt is logged.

-- Public subscribers: an email address (confirmed by a link first) or a webhook URL.
CREATE TABLE subscribers (
    id                 ${auto_id},
    channel            TEXT NOT NULL,         -- 'email' or 'webhook'
    target             TEXT NOT NULL,         -- the address (lower-case) or the URL
    confirm_token_hash TEXT UNIQUE,           -- SHA-256 of the confirmation link's token, until it is used
    confirm_sent_at    BIGINT,
    -- In every message, so it is kept as it is (like the webhook secret, which signing needs);
    -- it allows nothing but leaving.
    unsubscribe_token  TEXT NOT NULL UNIQUE,
    secret             TEXT,                  -- webhook: the HMAC-SHA256 key, shown once
    created_at         BIGINT NOT NULL,
    confirmed_at       BIGINT,                -- only confirmed subscribers are told anything
    removed_at         BIGINT                 -- unsubscribed, or removed by staff
);
CREATE UNIQUE INDEX subscribers_one_active_per_target ON subscribers (channel, target) WHERE removed_at IS NULL;

-- The components a subscriber chose; none means all of them.
CREATE TABLE subscriber_components (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    component_id  TEXT NOT NULL REFERENCES components (id),
    PRIMARY KEY (subscriber_id, component_id)
);

-- Subscription requests, for throttling per email address and per client address.
CREATE TABLE subscription_requests (
    id      ${auto_id},
    email   TEXT,                             -- null for webhook requests
    address TEXT NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX subscription_requests_by_email ON subscription_requests (email, at);
CREATE INDEX subscription_requests_by_address ON subscription_requests (address, at);
CREATE INDEX subscription_requests_by_time ON subscription_requests (at);

-- Staff alerts: every incident update and component change, to a chat or a generic webhook.
CREATE TABLE staff_hooks (
    id         ${auto_id},
    kind       TEXT NOT NULL,                 -- 'slack' (Slack-compatible {"text": ...}) or 'webhook'
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT,                          -- webhook: the HMAC-SHA256 key, shown once
    created_at BIGINT NOT NULL,
    removed_at BIGINT
);

-- How far each history table has been turned into deliveries: the last row id taken.
CREATE TABLE notification_cursors (
    source  TEXT PRIMARY KEY,                 -- 'incident_updates' or 'component_status_changes'
    last_id BIGINT NOT NULL
);

-- The outbox. A row is written once per recipient and event; the key makes a second one impossible.
CREATE TABLE deliveries (
    id              ${auto_id},
    idempotency_key TEXT NOT NULL UNIQUE,     -- e.g. 'update:12:sub:3'; sent with every attempt
    channel         TEXT NOT NULL,            -- 'email', 'webhook' or 'slack'
    event           TEXT NOT NULL,            -- 'confirmation', 'incident_update' or 'component_update'
    subscriber_id   BIGINT REFERENCES subscribers (id),
    hook_id         BIGINT REFERENCES staff_hooks (id),
    target          TEXT NOT NULL,            -- the address or URL when it was queued
    payload         TEXT NOT NULL,            -- the message exactly as it is sent, on every attempt
    status          TEXT NOT NULL,            -- pending, sending, delivered, failed, cancelled
    attempts        INTEGER NOT NULL,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,          -- pending: when it is due; sending: when the claim lapses
    last_attempt_at BIGINT,
    last_error      TEXT,
    delivered_at    BIGINT
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_by_time ON deliveries (created_at);
CREATE INDEX deliveries_by_subscriber ON deliveries (subscriber_id, status);

-- One row per attempt to deliver.
CREATE TABLE delivery_attempts (
    id          ${auto_id},
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id),
    attempt     INTEGER NOT NULL,
    started_at  BIGINT NOT NULL,
    duration_ms BIGINT,
    outcome     TEXT NOT NULL,                -- delivered, failed, interrupted (Vigil stopped mid-attempt)
    detail      TEXT
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, attempt);
