package io.cellharness.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private final String page = HtmlPage.render("A <title>", ".x { color: red; }", 0,
            new Markup().element("p", "body text"));

    @Test
    void thePolicyAllowsExactlyThePagesOwnScriptsAndStylesheet() {
        Matcher policy = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(page);
        assertThat(policy.find()).isTrue();
        String csp = policy.group(1).replace("&#39;", "'");
        assertThat(csp).startsWith("default-src 'none';");
        List<String> scripts = inline("script");
        assertThat(scripts).hasSize(2);
        for (String script : scripts) {
            assertThat(csp).contains("script-src").contains(HtmlPage.hash(script));
        }
        assertThat(inline("style")).singleElement().satisfies(css -> {
            assertThat(css).endsWith(".x { color: red; }");
            assertThat(csp).contains("style-src " + HtmlPage.hash(css) + ";");
        });
    }

    @Test
    void referencesNothingOutsideThePage() {
        assertThat(page).doesNotContain("http:").doesNotContain("https:").doesNotContain(" src=")
                .doesNotContain("<link").doesNotContain("@import");
    }

    @Test
    void escapesTheTitleAndStartsPending() {
        assertThat(page).contains("<title>A &lt;title&gt;</title>")
                .contains("<body data-render-status=\"pending\" data-expected-charts=\"0\">");
    }

    private List<String> inline(String tag) {
        Matcher m = Pattern.compile("(?s)<" + tag + ">(.*?)</" + tag + ">").matcher(page);
        List<String> bodies = new ArrayList<>();
        while (m.find()) {
            bodies.add(m.group(1));
        }
        return bodies;
    }
}
