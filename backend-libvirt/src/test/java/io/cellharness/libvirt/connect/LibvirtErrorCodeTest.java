package io.cellharness.libvirt.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cellharness.core.port.OpResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

class LibvirtErrorCodeTest {

    @Test
    void theTableCoversLibvirt90WithoutGaps() {
        List<Integer> numbers = new ArrayList<>();
        for (LibvirtErrorCode c : LibvirtErrorCode.values()) {
            if (c != LibvirtErrorCode.UNKNOWN) {
                numbers.add(c.number());
            }
        }
        assertThat(numbers).hasSize(111).isSorted().first().isEqualTo(0);
        assertThat(numbers.get(110)).isEqualTo(110);
        assertThat(LibvirtErrorCode.of(42)).isEqualTo(LibvirtErrorCode.NO_DOMAIN);
        assertThat(LibvirtErrorCode.of(91)).isEqualTo(LibvirtErrorCode.CPU_INCOMPATIBLE);
        assertThat(LibvirtErrorCode.of(111)).isEqualTo(LibvirtErrorCode.UNKNOWN);
        assertThat(LibvirtErrorCode.of(-1)).isEqualTo(LibvirtErrorCode.UNKNOWN);
        assertThat(LibvirtErrorCode.WAR_NO_NETWORK.libvirtName()).isEqualTo("VIR_WAR_NO_NETWORK");
    }

    /**
     * Where the binding's enum and libvirt 9.0 disagree, the binding's name is the wrong one. For libvirt-java 0.5.4
     * they agree on 0..110; a binding upgrade that shifts its table shows up here by code.
     */
    @Test
    void libvirtJava054NamesEveryCodeAsLibvirt90Does() {
        List<String> disagreements = new ArrayList<>();
        Error.ErrorNumber[] binding = Error.ErrorNumber.values();
        for (LibvirtErrorCode c : LibvirtErrorCode.values()) {
            if (c == LibvirtErrorCode.UNKNOWN) {
                continue;
            }
            String theirs = c.number() < binding.length ? binding[c.number()].name() : "(none)";
            if (!theirs.equals(c.libvirtName())) {
                disagreements.add(c.number() + ": " + c.libvirtName() + " vs " + theirs);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theRawCodeIsReadFromLibvirtOnTheFailingThread() throws LibvirtException {
        LibvirtEventLoop.ensureRunning();
        Connect c = new Connect("test:///default");
        try {
            LibvirtException thrown = catchThrowableOfType(LibvirtException.class,
                    () -> c.domainLookupByName("nobody-here"));

            LibvirtError error = LibvirtError.last(thrown);
            assertThat(error.code()).isEqualTo(LibvirtErrorCode.NO_DOMAIN);
            assertThat(error.rawCode()).isEqualTo(42);
            assertThat(error.errorDomain()).isEqualTo(12); // VIR_FROM_TEST
            assertThat(error.message()).isEqualTo(thrown.getError().getMessage()).isNotEmpty();
            assertThat(error.outcomeUnknown()).isFalse();
        } finally {
            c.close();
        }
    }

    @Test
    void transportErrorsLeaveTheOutcomeUnknownAndRefusalsAreFailures() {
        assertThat(error(LibvirtErrorCode.RPC, 0).toResult("start x")).isInstanceOf(OpResult.Unknown.class);
        assertThat(error(LibvirtErrorCode.OPERATION_TIMEOUT, 10).toResult("x")).isInstanceOf(OpResult.Unknown.class);
        assertThat(error(LibvirtErrorCode.SYSTEM_ERROR, LibvirtError.FROM_RPC).outcomeUnknown()).isTrue();
        assertThat(error(LibvirtErrorCode.SYSTEM_ERROR, LibvirtError.FROM_RPC).connectionBroken()).isTrue();
        assertThat(error(LibvirtErrorCode.INTERNAL_ERROR, LibvirtError.FROM_REMOTE).outcomeUnknown()).isTrue();
        // The same codes raised by a driver (QEMU = 10) are definite: the daemon answered.
        assertThat(error(LibvirtErrorCode.SYSTEM_ERROR, 10).toResult("x")).isInstanceOf(OpResult.Failed.class);
        assertThat(error(LibvirtErrorCode.OPERATION_INVALID, 10).toResult("x")).isInstanceOf(OpResult.Failed.class);
        assertThat(error(LibvirtErrorCode.NO_DOMAIN, 10).connectionBroken()).isFalse();
        assertThat(error(LibvirtErrorCode.NO_DOMAIN, 10).toResult("start x").reason())
                .isEqualTo("start x: boom (VIR_ERR_NO_DOMAIN)");
    }

    private static LibvirtError error(LibvirtErrorCode code, int domain) {
        return new LibvirtError(code, code.number(), domain, "boom");
    }
}
