package dev.vigil.statuspage;

/** The public page, API and feeds as prepared bytes, swapped whole when the state behind them changes. */
public record StatusSnapshot(CachedResponse page, CachedResponse summary, CachedResponse status,
        CachedResponse upcomingMaintenances, CachedResponse activeMaintenances, CachedResponse latestMaintenances,
        CachedResponse atomFeed, CachedResponse rssFeed) {}
