package dev.vigil.accounts;

/**
 * A one-time link that cannot be used, with what the person can do about it. Shown as a page:
 * 404 for a link that was never issued, 410 for one that is spent or expired.
 */
final class LinkUnusable extends RuntimeException {
    private final int status;
    private final String title;

    LinkUnusable(int status, String title, String advice) {
        super(advice);
        this.status = status;
        this.title = title;
    }

    static LinkUnusable unknown(String title, String advice) {
        return new LinkUnusable(404, title, advice);
    }

    static LinkUnusable gone(String title, String advice) {
        return new LinkUnusable(410, title, advice);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String advice() {
        return getMessage();
    }
}
