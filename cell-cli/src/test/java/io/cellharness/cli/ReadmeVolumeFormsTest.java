package io.cellharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellharness.core.model.StorageType;
import io.cellharness.core.storage.DiskSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README documents every storage type's volume form with the example the validator gives (S-01, A-02). */
class ReadmeVolumeFormsTest {

    private static final Pattern EXAMPLE = Pattern.compile("e\\.g\\. ([^ ,]+)");

    @Test
    void everyStorageTypeHasItsFormAndExampleInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        for (StorageType type : StorageType.values()) {
            Matcher m = EXAMPLE.matcher(DiskSources.expectedForm(type));
            assertThat(m.find()).as(type.yamlName()).isTrue();
            assertThat(readme).as(type.yamlName()).contains("`" + m.group(1) + "`");
            assertThat(readme).as(type.yamlName()).containsPattern("\\| [^\\n]*`" + Pattern.quote(type.yamlName()) + "`");
        }
    }
}
