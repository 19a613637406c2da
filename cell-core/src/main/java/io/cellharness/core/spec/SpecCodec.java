package io.cellharness.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.CpuMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes specification documents as YAML. Strict: unknown keys, duplicate keys, fractions where whole
 * numbers belong and missing required keys are errors, reported as one {@link SpecFormatException} with the line.
 */
public final class SpecCodec {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("respellings").addDeserializer(CpuMode.class, new CpuModeReader()))
            .build();

    /** The reader attribute under which {@link CpuModeReader} collects {@link Respelling}s. */
    private static final String RESPELLINGS = "io.cellharness.respellings";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Jackson quotes the rejected scalar like {@code String value ("four")}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("value \\(\"([^\"]*)\"\\)");

    private SpecCodec() {
    }

    /** Reads a cluster document. */
    public static ClusterSpec readCluster(String yaml, String source) throws SpecFormatException {
        return read(yaml, source, ClusterSpec.class);
    }

    /**
     * Reads a cluster document, adding to {@code respellings} every value written in an accepted non-canonical
     * spelling (C-01: {@code host-mode}), in document order.
     */
    public static ClusterSpec readCluster(String yaml, String source, List<Respelling> respellings)
            throws SpecFormatException {
        return readLocated(yaml, source, ClusterSpec.class, respellings).value();
    }

    /** Reads any specification document of type {@code type} with the same strictness and error reporting. */
    public static <T> T read(String yaml, String source, Class<T> type) throws SpecFormatException {
        return readLocated(yaml, source, type).value();
    }

    /** A document as read, with where each of its values starts. */
    public record Located<T>(T value, SpecLocations locations) {
    }

    /**
     * Reads a document and the positions of its values, so that problems found later (limits, unknown names) can name
     * their line and column. Anchors, aliases and a second document are refused (see {@link YamlShape}).
     */
    public static <T> Located<T> readLocated(String yaml, String source, Class<T> type) throws SpecFormatException {
        return readLocated(yaml, source, type, new ArrayList<>());
    }

    /**
     * {@link #readLocated(String, String, Class)}, adding to {@code respellings} every value written in an accepted
     * non-canonical spelling (C-01: {@code host-mode}), in document order.
     */
    public static <T> Located<T> readLocated(String yaml, String source, Class<T> type, List<Respelling> respellings)
            throws SpecFormatException {
        if (yaml == null || yaml.isBlank()) {
            throw new SpecFormatException(source, 0, 0, "", "the document is empty");
        }
        if (yaml.length() > Limits.INPUT_FILE_MAX_BYTES) {
            throw new SpecFormatException(source, 0, 0, "", "larger than " + Limits.INPUT_FILE_MAX_BYTES + " bytes");
        }
        SpecLocations locations = YamlShape.scan(yaml, source);
        try {
            T value = YAML.readerFor(type).withAttribute(RESPELLINGS, respellings).readValue(yaml);
            if (value == null) {
                throw new SpecFormatException(source, 1, 1, "", "the document holds no mapping");
            }
            return new Located<>(value, locations);
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        } catch (RuntimeException e) {
            // A value a record's constructor could not take and Jackson did not wrap: still the document's fault.
            throw new SpecFormatException(source, 0, 0, "", "a value here cannot be used");
        }
    }

    /** Writes a cluster document as YAML that {@link #readCluster} reads back to an equal value. */
    public static String writeCluster(ClusterSpec spec) {
        return write(spec);
    }

    public static String write(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /** Machine-readable output for {@code --json}. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The one place a Jackson or SnakeYAML error becomes the user's line: no class or exception names, one line. */
    static SpecFormatException translate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        String problem = UserText.oneLine(problemOf(e, path));
        return new SpecFormatException(source, line, column, path, problem);
    }

    private static String problemOf(JsonProcessingException e, String path) {
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return "unknown key " + UserText.quote(u.getPropertyName()) + "; expected one of " + String.join(", ", known);
        }
        if (e instanceof InvalidNullException) {
            return "a value is required here; leave the key out instead of writing ~ or null";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + describe(f.getTargetType()) + ", got " + shown(f.getValue(), path);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Throwable root = rootCause(e);
        if (root != null && root.getClass() == IllegalArgumentException.class && root.getMessage() != null) {
            return UserText.message(firstLine(root.getMessage()));
        }
        if (root instanceof ArithmeticException) {
            return "the number is too large";
        }
        if (original.startsWith("Missing required creator property")) {
            int open = original.indexOf('\'');
            int close = original.indexOf('\'', open + 1);
            String key = open >= 0 && close > open ? original.substring(open + 1, close) : "?";
            return "missing required key '" + UserText.key(key) + "'";
        }
        if (original.startsWith("Duplicate field")) {
            Matcher m = QUOTED_KEY.matcher(original);
            return "duplicate key " + (m.find() ? UserText.quote(m.group(1)) : "");
        }
        if (original.contains("Numeric value") && original.contains("out of range")) {
            return "the number is out of range";
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return "expected " + describe(mi.getTargetType()) + offending(mi, path);
        }
        if (root instanceof NumberFormatException) {
            return "expected a number written in plain digits here";
        }
        if (e instanceof JsonMappingException) {
            return "a value here cannot be used";
        }
        // A parse error from SnakeYAML under Jackson: its own words without the construct it was reading.
        return UserText.message(firstLine(original).replace('"', '\''));
    }

    private static final Pattern QUOTED_KEY = Pattern.compile("'([^']*)'");

    /** A rejected scalar: quoted when a short token; at the top of a document not at all (it may be a whole file). */
    private static String shown(Object value, String path) {
        if (path.isEmpty()) {
            return "something else (this does not look like a specification document)";
        }
        return UserText.quote(value);
    }

    /** {@code , got 'four'} when Jackson's message quotes the scalar it could not use; otherwise {@code  here}. */
    private static String offending(MismatchedInputException e, String path) {
        Matcher m = QUOTED_VALUE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        return m.find() ? ", got " + shown(m.group(1), path) : " here";
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping (" + type.getSimpleName().replaceAll("Spec$|File$|Entry$", "").toLowerCase(Locale.ROOT) + ")";
        }
        if (type.isEnum()) {
            return "one of its documented words";
        }
        return "a value of another kind";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String line = nl < 0 ? trimmed : trimmed.substring(0, nl);
        // SnakeYAML prefixes its messages with the construct it was reading; keep the problem itself.
        return line.replace(" in 'reader'", "").replace(" in 'string'", "");
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(UserText.key(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** C-01: reads a CPU mode, noting the documentation's spelling {@code host-mode} where the reader collects notes. */
    private static final class CpuModeReader extends StdDeserializer<CpuMode> {

        CpuModeReader() {
            super(CpuMode.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CpuMode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (CpuMode) ctxt.handleUnexpectedToken(CpuMode.class, p);
            }
            String text = p.getText();
            CpuMode mode;
            try {
                mode = CpuMode.fromYaml(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
            if (CpuMode.isDocumentationSpelling(text) && ctxt.getAttribute(RESPELLINGS) instanceof List<?> notes) {
                ((List<Respelling>) notes).add(new Respelling(pathOf(p.getParsingContext()), text.trim(),
                        mode.yamlName(), "C-01"));
            }
            return mode;
        }

        private static String pathOf(JsonStreamContext context) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]"
                        : (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
            return String.join("", parts);
        }
    }
}
