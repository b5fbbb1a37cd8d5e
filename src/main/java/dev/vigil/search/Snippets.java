package dev.vigil.search;

/**
 * Snippets from the stores into HTML. The stores mark matched words with two private-use characters
 * instead of tags, because their text is raw user Markdown: the text is escaped first, and only
 * then are the markers turned into {@code <mark>}, so nothing the user wrote can become markup.
 */
final class Snippets {
    /** Before a matched word; U+E000, a private-use character nobody types. */
    static final char START = '\uE000';
    /** After a matched word; U+E001. */
    static final char END = '\uE001';

    private Snippets() {}

    /**
     * Escaped HTML with the matches in {@code <mark>}. Markers are balanced here whatever the text
     * holds, so even a marker character typed into a postmortem leaves no element open.
     */
    static String toHtml(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(raw.length() + 32);
        boolean marking = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case START -> {
                    if (!marking) {
                        html.append("<mark>");
                        marking = true;
                    }
                }
                case END -> {
                    if (marking) {
                        html.append("</mark>");
                        marking = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (marking) {
            html.append("</mark>");
        }
        return html.toString();
    }
}
