package io.cellharness.core.spec;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The YAML features a specification document may use, checked on the parser's events before Jackson binds anything:
 * one document, no anchors, no aliases (Jackson would read {@code *x} as the text {@code "x"}, and an undefined alias
 * as a value), nesting at most {@link #MAX_DEPTH} deep. On the way it records where every value starts
 * ({@link SpecLocations}).
 */
final class YamlShape {

    static final int MAX_DEPTH = 64;

    private YamlShape() {
    }

    private static final class Frame {
        final String path;
        final boolean mapping;
        boolean expectKey = true;
        String key;
        int index;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    static SpecLocations scan(String yaml, String source) throws SpecFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, 4L * 1024 * 1024));
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH);
        Parser parser = new ParserImpl(new StreamReader(new StringReader(yaml)), options);
        Map<String, SpecLocations.Position> positions = new TreeMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        int documents = 0;
        try {
            while (parser.peekEvent() != null) {
                Event e = parser.getEvent();
                if (e instanceof DocumentStartEvent) {
                    if (++documents > 1) {
                        throw at(source, e.getStartMark(), "", "a file holds one document; remove the second '---'");
                    }
                    continue;
                }
                if (e instanceof AliasEvent a) {
                    throw at(source, e.getStartMark(), pathHere(stack), "aliases (*" + UserText.key(a.getAnchor())
                            + ") are not supported; write the value out");
                }
                if (e instanceof NodeEvent n && n.getAnchor() != null) {
                    throw at(source, e.getStartMark(), pathHere(stack), "anchors (&" + UserText.key(n.getAnchor())
                            + ") are not supported; write the value out");
                }
                if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                    stack.pop();
                    continue;
                }
                if (!(e instanceof ScalarEvent) && !(e instanceof CollectionStartEvent)) {
                    continue;
                }
                if (stack.size() >= MAX_DEPTH) {
                    throw at(source, e.getStartMark(), "", "nested more than " + MAX_DEPTH + " levels deep");
                }
                String path = "";
                Frame top = stack.peek();
                boolean isKey = false;
                if (top != null) {
                    if (top.mapping && top.expectKey) {
                        isKey = true;
                        top.expectKey = false;
                        top.key = e instanceof ScalarEvent s ? UserText.key(s.getValue()) : "?";
                        path = top.path.isEmpty() ? top.key : top.path + "." + top.key;
                    } else if (top.mapping) {
                        top.expectKey = true;
                        path = top.path.isEmpty() ? top.key : top.path + "." + top.key;
                    } else {
                        path = top.path + "[" + top.index++ + "]";
                    }
                }
                if (!isKey) {
                    positions.putIfAbsent(path, position(e.getStartMark()));
                    if (e instanceof ScalarEvent s && isNull(s)) {
                        // `name: ~` would reach a record as a null it cannot hold (issue 19): no null anywhere.
                        throw at(source, e.getStartMark(), path,
                                "a value is required here; leave the key out instead of writing ~, null or nothing");
                    }
                }
                if (e instanceof CollectionStartEvent) {
                    stack.push(new Frame(isKey ? path + "?" : path, e instanceof MappingStartEvent));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw at(source, mark, "", problemOf(e));
        } catch (YAMLException e) {
            throw new SpecFormatException(source, 0, 0, "", UserText.message(e.getMessage() == null
                    ? "not readable as YAML" : firstLine(e.getMessage())));
        }
        return new SpecLocations(positions);
    }

    /** A plain {@code ~}, {@code null} or empty scalar: YAML's null, which no field of a specification takes. */
    private static boolean isNull(ScalarEvent s) {
        if (!s.getImplicit().canOmitTagInPlainScalar() || s.getTag() != null) {
            return false;
        }
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    private static String problemOf(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (problem == null) {
            return "not readable as YAML";
        }
        // SnakeYAML says what it was reading ("while scanning a simple key"); the problem itself is the useful part.
        return UserText.message(firstLine(problem).replace("\"", "'"));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String pathHere(Deque<Frame> stack) {
        Frame top = stack.peek();
        if (top == null) {
            return "";
        }
        if (top.mapping) {
            return top.expectKey || top.key == null ? top.path : (top.path.isEmpty() ? top.key : top.path + "." + top.key);
        }
        return top.path + "[" + top.index + "]";
    }

    private static SpecLocations.Position position(Mark mark) {
        return mark == null ? new SpecLocations.Position(0, 0)
                : new SpecLocations.Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static SpecFormatException at(String source, Mark mark, String path, String problem) {
        SpecLocations.Position p = position(mark);
        return new SpecFormatException(source, p.line(), p.column(), path, problem);
    }
}
