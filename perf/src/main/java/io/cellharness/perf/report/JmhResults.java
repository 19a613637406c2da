package io.cellharness.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every JMH result of a results directory: all its {@code *.json} files but {@code machine.json}. */
public final class JmhResults {

    /** The machine description's file name in a results directory. */
    public static final String MACHINE_FILE = "machine.json";

    private final List<JmhResult> results;

    public JmhResults(List<JmhResult> results) {
        this.results = List.copyOf(results);
    }

    public static JmhResults read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(MACHINE_FILE)).sorted().toList();
        }
        List<JmhResult> all = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            JsonNode root = json.readTree(file.toFile());
            if (!root.isArray()) {
                throw new IOException(file + ": expected JMH's JSON results (an array), found " + root.getNodeType());
            }
            for (JsonNode row : root) {
                all.add(parse(row, file));
            }
        }
        return new JmhResults(all);
    }

    static JmhResult parse(JsonNode row, Path file) throws IOException {
        String benchmark = row.path("benchmark").asText("");
        int dot = benchmark.lastIndexOf('.');
        int classDot = benchmark.lastIndexOf('.', dot - 1);
        if (dot < 0 || classDot < 0) {
            throw new IOException(file + ": a result without a benchmark name: " + row);
        }
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> p = row.path("params").fields();
        while (p.hasNext()) {
            Map.Entry<String, JsonNode> e = p.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode primary = row.path("primaryMetric");
        Map<String, Double> secondary = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> s = row.path("secondaryMetrics").fields();
        while (s.hasNext()) {
            Map.Entry<String, JsonNode> e = s.next();
            secondary.put(e.getKey(), meanOfRawData(e.getValue()));
        }
        return new JmhResult(benchmark.substring(classDot + 1, dot), benchmark.substring(dot + 1), params,
                number(primary.path("score")), number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                new JmhResult.Settings(row.path("forks").asInt(), row.path("warmupIterations").asInt(),
                        row.path("warmupTime").asText(), row.path("measurementIterations").asInt(),
                        row.path("measurementTime").asText()), secondary);
    }

    /** JMH writes {@code "NaN"} as a string. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** An aux counter's value per iteration: the mean of its raw data (its score is the sum over iterations). */
    private static double meanOfRawData(JsonNode metric) {
        double sum = 0;
        int n = 0;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) {
                sum += number(value);
                n++;
            }
        }
        return n == 0 ? number(metric.path("score")) : sum / n;
    }

    public List<JmhResult> all() {
        return results;
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** The result of {@code benchmarkClass.method} with these parameter values (others may be set too). */
    public Optional<JmhResult> find(String benchmarkClass, String method, Map<String, String> params) {
        for (JmhResult r : results) {
            if (r.benchmarkClass().equals(benchmarkClass) && r.method().equals(method)
                    && params.entrySet().stream().allMatch(e -> e.getValue().equals(r.params().get(e.getKey())))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The distinct values of {@code param} among {@code benchmarkClass}'s results, as they sort numerically. */
    public List<String> values(String benchmarkClass, String param) {
        TreeMap<Double, String> numeric = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (JmhResult r : results) {
            String v = r.params().get(param);
            if (!r.benchmarkClass().equals(benchmarkClass) || v == null) {
                continue;
            }
            try {
                numeric.put(Double.parseDouble(v), v);
            } catch (NumberFormatException e) {
                if (!other.contains(v)) {
                    other.add(v);
                }
            }
        }
        List<String> out = new ArrayList<>(numeric.values());
        out.addAll(other);
        return out;
    }
}
