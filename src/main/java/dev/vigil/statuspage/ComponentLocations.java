package dev.vigil.statuspage;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Where each component is checked from and what each place sees now (issue 11), for the line under it on the
 * public page: "Checked from server, eu-west (no data)". The probe agents' side answers it; the status page
 * imports nothing of theirs. Only components checked from somewhere besides the server have an entry.
 */
public interface ComponentLocations {
    ComponentLocations NONE = handle -> Map.of();

    /** By component id, its locations in order, read in the page's own transaction. */
    Map<String, List<Place>> read(Handle handle);

    /**
     * One location and what it sees of the component's probes: "up", "degraded", "down" or "no_data" (it stopped
     * reporting, or could not tell: its canary failed too).
     */
    record Place(String name, String status) {}
}
