package io.cellharness.core.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where each value of a document starts, by field path ({@code vms[2].nics[0].mac}), so a problem found after reading
 * (a limit, an unknown host in a fault) names its line and column like a parse error does.
 */
public final class SpecLocations {

    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    /** No positions: every lookup falls back to the source alone. */
    public static final SpecLocations NONE = new SpecLocations(new TreeMap<>());

    private final Map<String, Position> byPath;

    SpecLocations(Map<String, Position> byPath) {
        this.byPath = byPath;
    }

    /** The position of {@code path}, or of its nearest enclosing value that has one; {@code null} if none. */
    public Position find(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Position pos = byPath.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return null;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }

    /** These positions seen from a parent document that holds this one under {@code prefix}. */
    public SpecLocations under(String prefix) {
        Map<String, Position> moved = new TreeMap<>();
        byPath.forEach((k, v) -> moved.put(k.isEmpty() ? prefix : prefix + "." + k, v));
        return new SpecLocations(moved);
    }

    /**
     * {@code source:line:column: path: problem}, the same shape as {@link SpecFormatException}'s message, with the
     * position of {@code path}.
     */
    public String format(String source, String path, String problem) {
        Position pos = find(path);
        return new SpecFormatException(source, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(), path,
                UserText.oneLine(problem)).getMessage();
    }

    /** The same as a {@link SpecFormatException}. */
    public SpecFormatException exception(String source, String path, String problem) {
        Position pos = find(path);
        return new SpecFormatException(source, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(), path,
                UserText.oneLine(problem));
    }
}
