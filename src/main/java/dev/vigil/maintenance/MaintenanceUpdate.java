package dev.vigil.maintenance;

import java.time.Instant;

/**
 * One row of a window's status history; body is Markdown.
 *
 * @param displayAt when the status took effect (the window's start, say), which the job may write a little later
 */
public record MaintenanceUpdate(
        long id, long maintenanceId, MaintenanceStatus status, String body, Instant displayAt, Instant createdAt) {}
