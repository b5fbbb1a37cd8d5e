package dev.vigil.postmortems;

/**
 * Someone else changed the postmortem after the form was loaded, so this edit was not saved
 * (compare-and-set on postmortems.version). Forms show it again with the person's text kept.
 */
public final class EditConflict extends RuntimeException {
    public static final String MESSAGE = "Someone else changed this postmortem meanwhile, so your edit was not saved. "
            + "Your text is below; compare it with the current version and save again.";

    public EditConflict() {
        super(MESSAGE);
    }
}
