package dev.vigil.probes;

/** Text a server sent (or a probe expects) as a reason shows it: on one line, its line breaks visible, short. */
final class ReceivedText {
    static final int MAX_SHOWN = 60;

    private ReceivedText() {}

    static String shown(String text) {
        String stripped = text.strip();
        StringBuilder shown = new StringBuilder();
        // The loop stops early: a 64 KiB answer is not escaped whole to show its first 60 characters.
        for (int index = 0; index < stripped.length() && shown.length() <= MAX_SHOWN; index++) {
            char c = stripped.charAt(index);
            switch (c) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '"' -> shown.append("\\\"");
                default -> shown.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return shown.length() <= MAX_SHOWN ? shown.toString() : shown.substring(0, MAX_SHOWN) + "…";
    }
}
