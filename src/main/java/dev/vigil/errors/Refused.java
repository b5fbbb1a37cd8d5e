package dev.vigil.errors;

/**
 * A request Vigil will not carry out as asked, with the reason a person can act on (for example
 * "the notice can be published once the incident is resolved"). The web layer answers 400. Input
 * with a message per field is {@link InvalidInput}.
 */
public class Refused extends RuntimeException {
    public Refused(String message) {
        super(message);
    }
}
