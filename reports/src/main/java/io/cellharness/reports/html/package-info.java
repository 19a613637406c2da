/**
 * The small HTML toolkit the report pages share: {@link io.cellharness.reports.html.Markup} (the only way a page
 * writes markup; every text and attribute value goes through {@link io.cellharness.reports.html.Html#escape}),
 * {@link io.cellharness.reports.html.HtmlPage} (one self-contained page: inline CSS and scripts under a
 * Content-Security-Policy that allows nothing from outside and only the page's own scripts, by hash),
 * {@link io.cellharness.reports.html.VirtualTime} (labels and axis steps in virtual time) and
 * {@link io.cellharness.reports.html.AtomicFile}.
 *
 * <p>Depends on the JDK only. Pages carry no generation timestamp, so the same input renders the same bytes.
 */
package io.cellharness.reports.html;
