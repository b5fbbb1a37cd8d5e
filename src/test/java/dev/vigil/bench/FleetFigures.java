package dev.vigil.bench;

/**
 * One run's figures. Lags are in milliseconds; on time means started within one second of its schedule.
 *
 * @param expected the checks that should have fallen due in the window: monitors times window over interval
 * @param started checks that ran (up, degraded or down); skipped ones are counted apart
 */
record FleetFigures(FleetSettings settings, long expected, long started, long skipped, long down, long onTime,
        long lagP50, long lagP99, long lagMax, double cpuCores, long peakRssBytes, String page, String health) {

    static final double ON_TIME_GOAL = 0.999;
    static final double CPU_GOAL = 1.0;
    static final long RSS_GOAL = 512L * 1024 * 1024;

    FleetFigures withProcess(double cores, long rss, String pageFigures, String worstHealth) {
        return new FleetFigures(settings, expected, started, skipped, down, onTime, lagP50, lagP99, lagMax, cores,
                rss, pageFigures, worstHealth);
    }

    /** On-time share of the checks due: a skipped check or one never recorded is not on time. */
    double onTimeShare() {
        long due = Math.max(expected, started + skipped);
        return due == 0 ? 0 : (double) onTime / due;
    }

    boolean meetsGoals() {
        return onTimeShare() >= ON_TIME_GOAL && skipped == 0 && cpuCores <= CPU_GOAL && peakRssBytes <= RSS_GOAL;
    }
}
