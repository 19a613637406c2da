package io.cellharness.core.migration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cellharness.core.model.Vocabulary;

/** G-03: what happens to a migration whose pre-copy does not converge within its pass limit. */
public enum MigrationFallback implements Vocabulary {
    /** Cancel it; the VM keeps running on the source (libvirt's default when a job is aborted). */
    ABORT("abort"),
    /** Pause the guest and copy what is left (libvirt {@code --timeout-suspend}): it completes, with long downtime. */
    SUSPEND("suspend");

    private final String yamlName;

    MigrationFallback(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static MigrationFallback fromYaml(String text) {
        return Vocabulary.parse(MigrationFallback.class, text, "migration fallback");
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
