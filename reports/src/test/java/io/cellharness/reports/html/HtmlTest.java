package io.cellharness.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupCharactersAndBothQuotes() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void replacesControlCharactersAndLoneSurrogatesButKeepsWhitespaceAndPairs() {
        assertThat(Html.escape("a\u0000b\u001bc\u0085d\tx\ny")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tx\ny");
        assertThat(Html.escape("\uD83D\uDE00 ok \uD83D alone \uDE00")).isEqualTo("\uD83D\uDE00 ok \uFFFD alone \uFFFD");
        assertThat(Html.escape("\uFFFE\uFFFF")).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void visibleTextIsWhatTheEscapedTextDecodesTo() {
        assertThat(Html.visibleText("<b>\u0007</b>")).isEqualTo("<b>\uFFFD</b>");
    }
}
