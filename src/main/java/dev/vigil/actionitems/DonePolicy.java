package dev.vigil.actionitems;

import dev.vigil.errors.InvalidInput;

/**
 * What closing an item as done asks for (postmortems.done_requires_link): nothing by default, or a
 * link to the change, so that a reviewer can see what was done without asking.
 */
public record DonePolicy(boolean requiresLink) {

    /** Whether an item with this tracker URL still needs a link before it can be done. */
    public boolean needsLink(String trackerUrl) {
        return requiresLink && (trackerUrl == null || trackerUrl.isBlank());
    }

    /** @throws InvalidInput on tracker_url when the item cannot be done as it is */
    void check(ActionItem item) {
        if (needsLink(item.trackerUrl())) {
            throw InvalidInput.of("tracker_url",
                    "Add a link to the change (a pull request, commit or ticket): it is asked for before an item is done.");
        }
    }
}
