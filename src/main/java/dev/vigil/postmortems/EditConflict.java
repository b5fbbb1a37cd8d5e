package dev.vigil.postmortems;

import dev.vigil.errors.Conflict;

/**
 * Someone else changed the postmortem after the form was loaded, so this edit was not saved
 * (compare-and-set on postmortems.version). Forms show it again with the person's text kept.
 */
final class EditConflict extends Conflict {
    public static final String MESSAGE = "Someone else changed this postmortem meanwhile, so nothing was saved. "
            + "The page shows the current version (and any text you typed); check it and try again.";

    public EditConflict() {
        super(MESSAGE);
    }
}
