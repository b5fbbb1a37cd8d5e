package dev.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.errors.InvalidInput;
import dev.vigil.search.SearchQuery.Term;
import dev.vigil.search.SearchQuery.Term.Type;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void wordsPhrasesPrefixesAndTagsAreReadApart() {
        SearchQuery query = SearchQuery.parse("  failover \"read replica\"  deploy* tag:Database ", null, null, null);

        assertThat(query.terms()).containsExactly(new Term(Type.WORD, "failover"), new Term(Type.PHRASE, "read replica"),
                new Term(Type.PREFIX, "deploy"));
        assertThat(query.tags()).containsExactly("database");
        assertThat(query.text()).isEqualTo("failover \"read replica\"  deploy* tag:Database");
    }

    @Test
    void syntaxCharactersStayPartOfTheWordsAndQuotesNeverReachTheStores() {
        SearchQuery query = SearchQuery.parse("NEAR(a -b c:d \"x \"\"y", null, null, null);

        assertThat(query.terms()).containsExactly(new Term(Type.WORD, "NEAR(a"), new Term(Type.WORD, "-b"),
                new Term(Type.WORD, "c:d"), new Term(Type.PHRASE, "x"), new Term(Type.PHRASE, "y"));
        assertThat(query.terms()).allSatisfy(term -> assertThat(term.text()).doesNotContain("\""));
        assertThat(SqliteSearchQueries.expression(query)).isEqualTo("\"NEAR(a\" \"-b\" \"c:d\" \"x\" \"y\"");
    }

    @Test
    void aStarOnlyMakesAPrefixAfterTwoLettersOrDigits() {
        assertThat(SearchQuery.parse("a* ab* a*b (ab*", null, null, null).terms()).containsExactly(
                new Term(Type.WORD, "a*"), new Term(Type.PREFIX, "ab"), new Term(Type.WORD, "a*b"),
                new Term(Type.WORD, "(ab*"));
    }

    @Test
    void punctuationAloneIsNotSearchedFor() {
        assertThat(SearchQuery.parse("disk -- ; \"\" *", null, null, null).terms())
                .containsExactly(new Term(Type.WORD, "disk"));
        assertThatThrownBy(() -> SearchQuery.parse("'; -- \" *", null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.fields().get("q")).contains("nothing to search for"));
    }

    @Test
    void aQueryLongerThanTwoHundredCharactersIsTurnedAwayWithAMessage() {
        assertThat(SearchQuery.parse("x".repeat(200), null, null, null).terms()).hasSize(1);
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(201), null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.fields().get("q")).contains("201 characters").contains("at most 200"));
    }

    @Test
    void anEmptyBoxIsAnEmptyQueryUnlessAFilterIsSet() {
        assertThat(SearchQuery.parse(null, null, null, null).isEmpty()).isTrue();
        assertThat(SearchQuery.parse("   ", "", "items", "").isEmpty()).isTrue();
        assertThat(SearchQuery.parse("", "network", null, null).isEmpty()).isFalse();
        assertThat(SearchQuery.parse("", null, null, "open").isEmpty()).isFalse();
    }

    @Test
    void unknownKindsAndStatusesMeanAll() {
        SearchQuery query = SearchQuery.parse("x", null, "everything", "lost");

        assertThat(query.kind()).isEqualTo(SearchQuery.Kind.ALL);
        assertThat(query.status()).isNull();
        assertThat(SearchQuery.parse("x", null, "items", "wont_do").kind()).isEqualTo(SearchQuery.Kind.ITEMS);
        assertThat(SearchQuery.parse("x", null, "items", "wont_do").status()).isEqualTo("wont_do");
    }

    @Test
    void snippetsAreEscapedBeforeTheMatchesAreMarked() {
        String raw = "a <b>&\"'" + Snippets.START + "hit" + Snippets.END + " " + Snippets.END + Snippets.START + "open";

        assertThat(Snippets.toHtml(raw))
                .isEqualTo("a &lt;b&gt;&amp;&quot;&#39;<mark>hit</mark> <mark>open</mark>");
        assertThat(Snippets.toHtml(null)).isEmpty();
    }
}
