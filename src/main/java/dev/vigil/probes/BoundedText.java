package dev.vigil.probes;

/**
 * A body's text that a regular expression may read only until the check's deadline. Java's regular expressions
 * cannot be stopped, and an expression that backtracks badly on an unexpected body would otherwise hold one of
 * the few probe threads for as long as it likes; reading a character after the deadline throws instead.
 */
final class BoundedText implements CharSequence {
    /** How many reads go by between looks at the clock, which is slower than a read. */
    private static final int READS_PER_CLOCK_CHECK = 4096;

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    /** Thrown by a read after the deadline. */
    static final class Overrun extends RuntimeException {
        Overrun() {
            super(null, null, false, false);
        }
    }

    BoundedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads % READS_PER_CLOCK_CHECK == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new Overrun();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
