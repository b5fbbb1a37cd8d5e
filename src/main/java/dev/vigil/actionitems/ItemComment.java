package dev.vigil.actionitems;

import java.time.Instant;

/** A comment on an item; body is Markdown. */
record ItemComment(long id, long userId, String userName, String body, Instant createdAt) {}
