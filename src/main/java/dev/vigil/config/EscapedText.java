package dev.vigil.config;

/**
 * Text a probe sends or expects, with the escapes \r, \n, \t and \\ so that a line ending can be written in any
 * YAML style: a double-quoted "QUIT\r\n" arrives already unescaped, a plain or single-quoted one as written.
 */
final class EscapedText {
    private EscapedText() {}

    /** The text with its escapes replaced; a backslash before any other character stays as it is. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\' && index + 1 < text.length()) {
                char next = text.charAt(index + 1);
                String replacement = switch (next) {
                    case 'r' -> "\r";
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '\\' -> "\\";
                    default -> null;
                };
                if (replacement != null) {
                    out.append(replacement);
                    index++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The text in the file's notation: what {@link #unescape} reads back to the same text. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
