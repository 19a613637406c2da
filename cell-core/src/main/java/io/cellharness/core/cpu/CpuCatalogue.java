package io.cellharness.core.cpu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.CpuVendor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The x86 CPU models the harness knows, with vendor, generation and feature flags.
 *
 * <p>The standard catalogue is read once from {@code x86-cpu-models.yaml} on the class path (the lists are libvirt's
 * {@code cpu_map}, cited in the file). Models are kept in vendor then generation order.
 */
public final class CpuCatalogue {

    /** The resource the standard catalogue is read from, next to this class. */
    public static final String RESOURCE = "x86-cpu-models.yaml";

    private final List<CpuModel> models;
    private final Map<String, CpuModel> byName;

    private CpuCatalogue(List<CpuModel> models) {
        List<CpuModel> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(CpuModel::vendor).thenComparingInt(CpuModel::generation));
        this.models = List.copyOf(sorted);
        Map<String, CpuModel> index = new LinkedHashMap<>();
        for (CpuModel m : this.models) {
            index.put(m.name(), m);
        }
        this.byName = Collections.unmodifiableMap(index);
    }

    /** The standard catalogue, read from {@link #RESOURCE} the first time it is asked for. */
    public static CpuCatalogue standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final CpuCatalogue INSTANCE = read(RESOURCE);
    }

    private static CpuCatalogue read(String resource) {
        try (InputStream in = CpuCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CPU catalogue resource " + resource + " is missing from the class path");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return of(yaml.readValue(in, CatalogueFile.class).models());
        } catch (IOException e) {
            throw new IllegalStateException("CPU catalogue resource " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file layout of {@link #RESOURCE}. */
    record CatalogueFile(List<CpuModel> models) {
    }

    /**
     * A catalogue of the given models.
     *
     * @throws IllegalArgumentException if a name repeats, a model has no features, or two models of one vendor share
     *                                  a generation
     */
    public static CpuCatalogue of(List<CpuModel> models) {
        Map<String, CpuModel> names = new LinkedHashMap<>();
        Map<String, CpuModel> generations = new LinkedHashMap<>();
        for (CpuModel m : models) {
            if (m.name() == null || m.name().isBlank() || m.vendor() == null) {
                throw new IllegalArgumentException("a CPU model needs a name and a vendor: " + m);
            }
            if (names.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("CPU model " + m.name() + " is listed twice");
            }
            if (m.features().isEmpty()) {
                throw new IllegalArgumentException("CPU model " + m.name() + " has no features");
            }
            if (m.generation() < Limits.CPU_OLDEST_GENERATION) {
                throw new IllegalArgumentException("CPU model " + m.name() + " has generation " + m.generation()
                        + "; generations start at " + Limits.CPU_OLDEST_GENERATION);
            }
            CpuModel same = generations.putIfAbsent(m.vendor() + "/" + m.generation(), m);
            if (same != null) {
                throw new IllegalArgumentException("CPU models " + same.name() + " and " + m.name()
                        + " share generation " + m.generation() + " of " + m.vendor());
            }
        }
        return new CpuCatalogue(models);
    }

    /** Every model, by vendor then generation (oldest first). */
    public List<CpuModel> models() {
        return models;
    }

    /** The models of one vendor, oldest first. */
    public List<CpuModel> models(CpuVendor vendor) {
        List<CpuModel> out = new ArrayList<>();
        for (CpuModel m : models) {
            if (m.vendor() == vendor) {
                out.add(m);
            }
        }
        return out;
    }

    /** The model spelt exactly {@code name} (libvirt names are case-sensitive). */
    public Optional<CpuModel> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The model spelt {@code name}.
     *
     * @throws IllegalArgumentException naming the model and, for a wrong case, the right spelling; otherwise every
     *                                  known name
     */
    public CpuModel require(String name) {
        CpuModel m = name == null ? null : byName.get(name);
        if (m != null) {
            return m;
        }
        if (name != null) {
            for (String known : byName.keySet()) {
                if (known.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("unknown CPU model '" + name + "'; did you mean '" + known + "'?");
                }
            }
        }
        throw new IllegalArgumentException("unknown CPU model '" + name + "'; known models: "
                + String.join(", ", byName.keySet()));
    }

    /** A host CPU of model {@code name} offering the model's features plus {@code extraFeatures}. */
    public CpuSpec hostCpu(String name, String... extraFeatures) {
        CpuModel m = require(name);
        return new CpuSpec(m.vendor(), m.name(), m.generation(),
                FeatureSets.union(m.features(), Arrays.asList(extraFeatures)));
    }

    /**
     * The full description of {@code cpu}: its own features plus those of its catalogue model, and the model's
     * generation when the description has none. libvirt reports a host CPU as a model plus the features it adds to
     * it, while a specification may list every flag; both mean the same host. A CPU whose model is unknown, or whose
     * vendor is not the model's, is returned as it is.
     */
    public CpuSpec expand(CpuSpec cpu) {
        Optional<CpuModel> model = find(cpu.model());
        if (model.isEmpty() || model.get().vendor() != cpu.vendor()) {
            return cpu;
        }
        int generation = cpu.generation() > 0 ? cpu.generation() : model.get().generation();
        return new CpuSpec(cpu.vendor(), cpu.model(), generation, FeatureSets.union(cpu.features(), model.get().features()));
    }

    /** The generation of {@code cpu}: its own if it states one, else its catalogue model's. */
    public OptionalInt generationOf(CpuSpec cpu) {
        if (cpu.generation() > 0) {
            return OptionalInt.of(cpu.generation());
        }
        Optional<CpuModel> model = find(cpu.model());
        return model.isPresent() && model.get().vendor() == cpu.vendor()
                ? OptionalInt.of(model.get().generation()) : OptionalInt.empty();
    }

    /**
     * What is wrong with a CPU description, if anything: a catalogue model named with another vendor. Models outside
     * the catalogue are not a problem here; the rules compare them by their stated features only.
     */
    public Optional<String> problem(CpuSpec cpu) {
        Optional<CpuModel> model = find(cpu.model());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        if (model.get().vendor() != cpu.vendor()) {
            return Optional.of("CPU model " + cpu.model() + " is an " + model.get().vendor() + " model, but the vendor is "
                    + cpu.vendor());
        }
        return Optional.empty();
    }

    /** The features of {@code model} that a host of {@code cpu} lacks (after expansion), sorted. */
    public List<String> missing(CpuModel model, CpuSpec cpu) {
        return FeatureSets.missing(model.features(), new TreeSet<>(expand(cpu).features()));
    }
}
