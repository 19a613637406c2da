package io.cellharness.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One self-contained report page: the shared stylesheet plus the page's own, and two scripts (an error trap in the
 * head, the interactions and the self-check at the end of the body), all inline. A Content-Security-Policy allows
 * nothing from outside and runs only these scripts, by hash: even text that escaped escaping could not run.
 *
 * <p>The self-check runs after load: it counts what each {@code svg[data-chart]} drew against what the page
 * declared ({@code data-expected-parts}, {@code -segments}, {@code -markers}) and writes {@code data-render-status}
 * ({@code ok} or {@code error: ...}) on the body, which a headless browser's DOM dump shows.
 */
public final class HtmlPage {

    private static final String BASE_CSS = resource("report.css");
    private static final String ERROR_TRAP = resource("error-trap.js");
    private static final String PAGE_SCRIPT = resource("report.js");

    private HtmlPage() {
    }

    /**
     * The whole document.
     *
     * @param title the document title (escaped here)
     * @param pageCss the page's own stylesheet, written by this code base
     * @param expectedCharts how many {@code svg[data-chart]} the body holds, for the self-check
     * @param body the body content
     */
    public static String render(String title, String pageCss, int expectedCharts, Markup body) {
        if (pageCss.contains("</")) {
            throw new IllegalArgumentException("a page stylesheet must not contain '</'");
        }
        String css = BASE_CSS + pageCss;
        String policy = "default-src 'none'; img-src data:; style-src " + hash(css) + "; script-src " + hash(ERROR_TRAP)
                + " " + hash(PAGE_SCRIPT) + "; base-uri 'none'; form-action 'none'";
        Markup page = new Markup();
        page.trusted("<!DOCTYPE html>\n");
        page.open("html", "lang", "en").trusted("\n").open("head");
        page.empty("meta", "charset", "utf-8");
        page.empty("meta", "http-equiv", "Content-Security-Policy", "content", policy);
        page.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        page.element("title", title);
        page.open("style").trusted(css).close("style");
        page.open("script").trusted(ERROR_TRAP).close("script");
        page.close("head").trusted("\n");
        page.open("body", "data-render-status", "pending", "data-expected-charts", Integer.toString(expectedCharts));
        page.append(body);
        page.open("script").trusted(PAGE_SCRIPT).close("script");
        page.close("body").trusted("\n").close("html").trusted("\n");
        return page.toString();
    }

    /** The CSP source expression that allows exactly this inline script or stylesheet. */
    static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report asset missing from the jar: " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("</")) {
                // Inline <script>/<style> end at the first "</": an asset must not contain one.
                throw new IllegalStateException("report asset " + name + " contains '</'");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report asset " + name, e);
        }
    }
}
