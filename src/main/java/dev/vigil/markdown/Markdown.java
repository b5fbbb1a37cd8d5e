package dev.vigil.markdown;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The one Markdown renderer, used by the public page and the console previews alike.
 * Raw HTML in the source is escaped, not passed through, and link and image URLs with unsafe
 * schemes (anything but http, https, mailto and relative URLs) are dropped.
 */
public final class Markdown {
    private static final Parser PLAIN_PARSER = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(new SafeUrls()).build();
    private final HtmlRenderer marking = HtmlRenderer.builder()
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(new SafeUrls())
            .nodeRendererFactory(PromptMarks.Renderer::new).build();

    /** Safe HTML for the given Markdown text. */
    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }

    /**
     * Safe HTML as {@link #toHtml}, with each prompt still to write ({@link Prompts}) in
     * {@code <mark class="prompt">}: for the console's previews, never for what customers read.
     */
    public String toHtmlMarkingPrompts(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        PromptMarks.mark(document);
        return marking.render(document);
    }

    /** The text of the given Markdown without its markup, for places that show a line of it (timelines). */
    public static String plainText(String markdown) {
        return PLAIN.render(PLAIN_PARSER.parse(markdown == null ? "" : markdown));
    }
}
