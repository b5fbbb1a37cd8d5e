package dev.vigil.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @Test
    void rendersEmphasisAndLists() {
        assertThat(markdown.toHtml("**Search** is back.\n\n- one\n- two"))
                .contains("<strong>Search</strong>").contains("<li>one</li>");
    }

    @Test
    void escapesRawHtml() {
        String html = markdown.toHtml("<script>alert(1)</script> and <img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void dropsJavascriptLinks() {
        String html = markdown.toHtml("[click](javascript:alert(1)) ![x](data:text/html;base64,PHNjcmlwdD4=)");

        assertThat(html).doesNotContain("javascript:").doesNotContain("data:text/html");
    }

    @Test
    void keepsOrdinaryLinks() {
        assertThat(markdown.toHtml("[timeline](https://status.example.com/incidents/4)"))
                .contains("href=\"https://status.example.com/incidents/4\"");
    }
}
