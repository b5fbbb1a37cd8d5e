package dev.vigil.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Wraps each prompt left to write ({@link Prompts}) in a parsed document in a node that renders as
 * {@code <mark class="prompt">}, so that a preview shows a person what is still theirs to write.
 * A prompt runs from its marker to the next "]" in the same paragraph, or to the paragraph's end.
 * Working on the parsed text, never on the HTML, keeps the renderer's escaping whole.
 */
final class PromptMarks {
    private PromptMarks() {}

    /** The highlighted prompt; its children are the prompt's words as parsed. */
    static final class Mark extends CustomNode {}

    /** Renders a {@link Mark} with its children inside, escaped as everywhere else. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mark.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.tag("mark", Map.of("class", "prompt"));
            for (Node child = node.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            html.tag("/mark");
        }
    }

    static void mark(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (Prompts.indexOf(text.getLiteral(), 0) >= 0) {
                    texts.add(text);
                }
            }
        });
        texts.forEach(PromptMarks::markFrom);
    }

    /** Splits the text at its first marker and moves the prompt into a mark; then the rest, the same way. */
    private static void markFrom(Text text) {
        String literal = text.getLiteral();
        int start = Prompts.indexOf(literal, 0);
        if (start < 0 || text.getParent() == null) {
            return;
        }
        if (start > 0) {
            text.insertBefore(new Text(literal.substring(0, start)));
        }
        Mark mark = new Mark();
        text.insertBefore(mark);
        String prompt = literal.substring(start);
        int close = prompt.indexOf(']');
        if (close >= 0) {
            mark.appendChild(new Text(prompt.substring(0, close + 1)));
            keepRest(text, prompt.substring(close + 1));
            return;
        }
        mark.appendChild(new Text(prompt));
        text.unlink();
        absorbUntilClosed(mark);
    }

    /** Moves the siblings after the mark into it, up to the text with the closing bracket. */
    private static void absorbUntilClosed(Mark mark) {
        for (Node next = mark.getNext(); next != null; next = mark.getNext()) {
            if (next instanceof Text text && text.getLiteral().indexOf(']') >= 0) {
                String literal = text.getLiteral();
                int close = literal.indexOf(']');
                mark.appendChild(new Text(literal.substring(0, close + 1)));
                keepRest(text, literal.substring(close + 1));
                return;
            }
            mark.appendChild(next);
        }
    }

    private static void keepRest(Text text, String rest) {
        if (rest.isEmpty()) {
            text.unlink();
        } else {
            text.setLiteral(rest);
            markFrom(text);
        }
    }
}
