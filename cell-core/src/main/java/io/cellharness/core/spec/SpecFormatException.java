package io.cellharness.core.spec;

/**
 * A specification document that cannot be read: unreadable YAML, a wrong type, an unknown key, a missing required
 * key. {@link #getMessage()} is one line: {@code source:line:column: path: problem}.
 */
public final class SpecFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    public SpecFormatException(String source, int line, int column, String path, String problem) {
        super(format(source, line, column, path, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0. */
    public int column() {
        return column;
    }

    /** The path inside the document, e.g. {@code vms[2].nics[0].mac}; empty at the top. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
