package dev.vigil.outages;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What outage detection tells the incident side, inside the transaction that recorded the change.
 * Outages know nothing of incidents: the automatic incidents implement this, and the composition
 * root connects the two, so the arrow runs from incidents to outages only.
 */
public interface OutageListener {
    /** A probe's outage was confirmed; the component moved from before to after. */
    void outageOpened(Handle handle, Outage outage, Component component, ComponentStatus before,
            ComponentStatus after, int failures, Instant now);

    /** A probe's outage closed because its checks pass again. */
    void outageClosed(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now);

    /** A probe's outage closed because the probe was removed: nothing is known to have recovered. */
    void monitoringStopped(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now);
}
