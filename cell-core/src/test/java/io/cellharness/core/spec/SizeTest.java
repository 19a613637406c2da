package io.cellharness.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.Size;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SizeTest {

    @Test
    void parsesBinaryUnits() {
        assertThat(Size.parse("512MiB").bytes()).isEqualTo(512 * Limits.MIB);
        assertThat(Size.parse("16TiB").bytes()).isEqualTo(16 * Limits.TIB);
        assertThat(Size.parse("16 TiB").bytes()).isEqualTo(16 * Limits.TIB);
        assertThat(Size.parse("1.5GiB").bytes()).isEqualTo(3 * Limits.GIB / 2);
        assertThat(Size.parse("4096").bytes()).isEqualTo(4096);
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertThat(Size.ofTiB(16)).hasToString("16TiB");
        assertThat(Size.ofTiB(16).plus(Size.ofMiB(1))).hasToString("16777217MiB");
        assertThat(Size.ofBytes(1000)).hasToString("1000B");
    }

    @Test
    void refusesWhatItCannotReadExactly() {
        assertThatThrownBy(() -> Size.parse("16TB")).hasMessage(
                "'16TB' uses a decimal unit; write 16TiB (sizes are binary: KiB, MiB, GiB, TiB)");
        assertThatThrownBy(() -> Size.parse("512mb")).hasMessageStartingWith("'512mb' uses a decimal unit; write 512MiB ");
        assertThatThrownBy(() -> Size.parse("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> Size.parse("1.0000000001B")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Size.parse("99999999999PiB")).hasMessageContaining("too large");
    }

    @Property
    void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long bytes) {
        Size size = Size.ofBytes(bytes);
        assertThat(Size.parse(size.toString())).isEqualTo(size);
    }
}
