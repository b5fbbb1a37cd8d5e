package dev.vigil.postmortems;

/**
 * Someone changed the postmortem after the form was loaded (its version moved on): nothing was
 * saved, and the page is shown again with the current state and status 409.
 */
final class EditConflict extends RuntimeException {
    EditConflict() {
        super("Someone changed this postmortem after you loaded the page, so nothing was saved. "
                + "Here it is as it is now; check it and try again.");
    }
}
