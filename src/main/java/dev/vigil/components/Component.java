package dev.vigil.components;

import java.time.Instant;

/** A component as stored. groupName is null for a component outside any group. */
public record Component(
        String id, String name, String groupName, String description, int position,
        ComponentStatus status, String source, Instant createdAt, Instant updatedAt) {}
