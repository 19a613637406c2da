package io.cellharness.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
        return read(yaml, source, ClusterSpec.class, respellings);
    }

    /** Reads any specification document of type {@code type} with the same strictness and error reporting. */
    public static <T> T read(String yaml, String source, Class<T> type) throws SpecFormatException {
        return read(yaml, source, type, new ArrayList<>());
    }

    private static <T> T read(String yaml, String source, Class<T> type, List<Respelling> respellings)
            throws SpecFormatException {
        if (yaml == null || yaml.isBlank()) {
            throw new SpecFormatException(source, 0, 0, "", "the document is empty");
        }
        try {
            T value = YAML.readerFor(type).withAttribute(RESPELLINGS, respellings).readValue(yaml);
            if (value == null) {
                throw new SpecFormatException(source, 1, 1, "", "the document holds no mapping");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(e, source);
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

    static SpecFormatException translate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String path = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        return new SpecFormatException(source, line, column, path, problemOf(e));
    }

    private static String problemOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return "unknown key '" + u.getPropertyName() + "'; expected one of " + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + describe(f.getTargetType()) + ", got '" + f.getValue() + "'";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Throwable root = rootCause(e);
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return firstLine(root.getMessage());
        }
        if (original.startsWith("Missing required creator property")) {
            int open = original.indexOf('\'');
            int close = original.indexOf('\'', open + 1);
            String key = open >= 0 && close > open ? original.substring(open + 1, close) : "?";
            return "missing required key '" + key + "'";
        }
        if (original.startsWith("Duplicate field")) {
            return "duplicate key " + original.substring("Duplicate field ".length());
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return "expected " + describe(mi.getTargetType()) + offending(mi);
        }
        return firstLine(original);
    }

    /** {@code , got 'four'} when Jackson's message quotes the scalar it could not use; otherwise {@code  here}. */
    private static String offending(MismatchedInputException e) {
        Matcher m = QUOTED_VALUE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        return m.find() ? ", got '" + m.group(1) + "'" : " here";
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
            return "a mapping (" + type.getSimpleName().replace("Spec", "").toLowerCase(Locale.ROOT) + ")";
        }
        return "a " + type.getSimpleName();
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
                sb.append(ref.getFieldName());
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
