package dev.vigil.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the parts of a draft that nobody wrote yet, and marking them in a preview. */
class PromptsTest {
    private static final String DRAFT = """
            ### Summary

            - **Started:** Jul 4, 2026, 9:00 AM PDT

            ### What happened

            [Write: what customers went through.]

            ### Why it happened

            [Write: the cause in plain words.]

            ### Our apology

            [Write: say sorry in your own words.]
            """;

    private final Markdown markdown = new Markdown();

    @Test
    void eachPartStillHoldingAPromptIsNamedByItsHeadingInOrder() {
        assertThat(Prompts.unwrittenParts(DRAFT)).containsExactly("What happened", "Why it happened", "Our apology");
    }

    @Test
    void editingOtherPartsLeavesThePromptsThatRemainFound() {
        String edited = DRAFT.replace("[Write: what customers went through.]", "For an hour, checkout failed.")
                .replace("- **Started:**", "- **Began:**");

        assertThat(Prompts.unwrittenParts(edited)).containsExactly("Why it happened", "Our apology");
        assertThat(Prompts.refusal(edited)).hasValue("Write these parts before publishing: Why it happened, "
                + "Our apology. Replace each [Write: …] prompt with your own words.");
    }

    @Test
    void wordsWrittenBesideAPromptDoNotReplaceIt() {
        String added = DRAFT.replace("[Write: the cause in plain words.]",
                "A full disk.\n\n[Write: the cause in plain words.]");

        assertThat(Prompts.unwrittenParts(added)).contains("Why it happened");
    }

    @Test
    void aPartDeletedWithItsPromptIsNoLongerAsked() {
        String cut = DRAFT.replace("### Why it happened\n\n[Write: the cause in plain words.]\n\n", "")
                .replace("[Write: what customers went through.]", "Checkout failed.")
                .replace("[Write: say sorry in your own words.]", "We are sorry.");

        assertThat(Prompts.unwrittenParts(cut)).isEmpty();
        assertThat(Prompts.refusal(cut)).isEmpty();
        assertThat(Prompts.any(cut)).isFalse();
    }

    @Test
    void aPromptWithItsBracketBrokenOrInAnotherCaseIsStillFound() {
        assertThat(Prompts.unwrittenParts("### Why\n\n[write: the cause, half deleted")).containsExactly("Why");
    }

    @Test
    void onePartIsNamedInTheSingularAndAPromptBeforeAnyHeadingIsTheOpening() {
        assertThat(Prompts.refusal("[Write: an apology.]\n\n### Details\n\nAll written.")).hasValue(
                "Write this part before publishing: Opening. Replace its [Write: …] prompt with your own words.");
    }

    @Test
    void headingsAreReadWithoutMarkupInEitherStyleButNotInsideCode() {
        String text = """
                Why **it** happened
                -------------------

                [Write: the cause.]

                ```
                # not a heading
                ```

                [Write: more.]
                """;

        assertThat(Prompts.unwrittenParts(text)).containsExactly("Why it happened");
    }

    @Test
    void aListItemAboveARuleIsNotTakenForAHeading() {
        assertThat(Prompts.unwrittenParts("### Changes\n\n- one\n---\n\n[Write: more.]")).containsExactly("Changes");
    }

    @Test
    void thePreviewMarksEachPromptAndNothingElse() {
        String html = markdown.toHtmlMarkingPrompts("Done. [Write: the cause.] Also done.\n\n### Apology\n\nSorry.");

        assertThat(html).contains("<p>Done. <mark class=\"prompt\">[Write: the cause.]</mark> Also done.</p>")
                .contains("<p>Sorry.</p>");
        assertThat(markdown.toHtml("[Write: the cause.]")).doesNotContain("<mark");
    }

    @Test
    void aPromptOverSeveralLinesOrWithEmphasisIsMarkedWhole() {
        String html = markdown.toHtmlMarkingPrompts("[Write: the cause,\nin _plain_ words.] Then more.");

        assertThat(html).contains("<mark class=\"prompt\">[Write: the cause,\nin <em>plain</em> words.]</mark> Then more.");
    }

    @Test
    void markupInsideAPromptStaysEscaped() {
        String html = markdown.toHtmlMarkingPrompts("[Write: <script>alert(1)</script>]");

        assertThat(html).contains("<mark class=\"prompt\">[Write: &lt;script&gt;alert(1)&lt;/script&gt;]</mark>")
                .doesNotContain("<script");
    }
}
