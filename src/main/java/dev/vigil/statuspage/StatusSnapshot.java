package dev.vigil.statuspage;

/** The public page and API as prepared bytes, swapped whole when the state behind them changes. */
public record StatusSnapshot(CachedResponse page, CachedResponse summary, CachedResponse status,
        CachedResponse upcomingMaintenances, CachedResponse activeMaintenances, CachedResponse latestMaintenances) {}
