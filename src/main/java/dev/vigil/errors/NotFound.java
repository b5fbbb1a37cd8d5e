package dev.vigil.errors;

/**
 * The thing asked for does not exist (or is not shown to this caller). The message says what was
 * looked for, in words a person reads; the web layer answers 404 with it.
 */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
