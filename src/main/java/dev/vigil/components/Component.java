package dev.vigil.components;

import java.time.Instant;

/**
 * A component as stored. groupName is null for a component outside any group. essential: losing it
 * takes the whole service down with it (see {@link ServiceHealth}).
 */
public record Component(
        String id, String name, String groupName, String description, int position,
        ComponentStatus status, String source, Instant createdAt, Instant updatedAt, boolean essential) {}
