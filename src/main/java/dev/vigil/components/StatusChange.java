package dev.vigil.components;

import java.time.Instant;

/** One appended row of a component's history. from is null for the first row. */
public record StatusChange(String componentId, Instant at, ComponentStatus from, ComponentStatus to, String reason) {}
