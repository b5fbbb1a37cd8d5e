package dev.vigil.errors;

/**
 * The request is well formed but clashes with the current state: someone changed the thing
 * meanwhile, or it is managed elsewhere. The web layer answers 409 with the message.
 */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
