package io.cellharness.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesTextAndAttributeValuesAndLeavesOutNullAttributes() {
        String html = new Markup().open("td", "title", "\"><img src=x>", "class", null).text("<b>")
                .close("td").empty("br").toString();
        assertThat(html).isEqualTo("<td title=\"&quot;&gt;&lt;img src=x&gt;\">&lt;b&gt;</td><br/>");
    }

    @Test
    void attributesMustComeInPairs() {
        assertThatThrownBy(() -> new Markup().open("td", "title")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name/value pairs");
    }

    @Test
    void coordinatesHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        assertThat(Markup.num(12)).isEqualTo("12");
        assertThat(Markup.num(12.5)).isEqualTo("12.5");
        assertThat(Markup.num(1.0 / 3)).isEqualTo("0.33");
        assertThat(Markup.num(-0.001)).isEqualTo("0");
        assertThat(Markup.num(1e9)).isEqualTo("1000000000");
        assertThatThrownBy(() -> Markup.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
