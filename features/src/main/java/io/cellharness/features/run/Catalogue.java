package io.cellharness.features.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The behaviour catalogue (SPEC.md): every documented behaviour with its ID, and which IDs must also pass on
 * libvirt. Read from the copy of SPEC.md shipped in this module.
 */
public record Catalogue(List<Entry> entries) {

    public static final String RESOURCE = "/io/cellharness/catalogue/SPEC.md";

    private static final Pattern ENTRY = Pattern.compile("^- \\*\\*([A-Z]-\\d{2})\\*\\*\\s*(.*)$");

    /**
     * One catalogue ID with its text; {@code libvirt} when marked [libvirt], {@code beyond} when marked [beyond],
     * {@code lab} when marked [lab] (it must also pass on the multi-host lab of section R).
     */
    public record Entry(String id, String text, boolean libvirt, boolean beyond, boolean lab) {
    }

    public Catalogue {
        entries = List.copyOf(entries);
    }

    public static Catalogue load() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue " + RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalogue parse(String markdown) {
        List<Entry> entries = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            Matcher m = ENTRY.matcher(line.strip());
            if (m.matches()) {
                String text = m.group(2);
                entries.add(new Entry(m.group(1), text, text.contains("[libvirt"), text.contains("[beyond]"),
                        text.contains("[lab")));
            }
        }
        return new Catalogue(entries);
    }

    public List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }
}
