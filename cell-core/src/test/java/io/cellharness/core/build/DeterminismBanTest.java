package io.cellharness.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.thetaphi.forbiddenapis.Checker;
import de.thetaphi.forbiddenapis.ForbiddenApiException;
import de.thetaphi.forbiddenapis.Logger;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Proves that the signatures the build applies to cell-core and backend-sim catch each kind of determinism
 * violation (wall clock, sleep, unseeded randomness, hash order), and let the allowed forms through. It reads the
 * very file the forbiddenapis plugin reads.
 */
class DeterminismBanTest {

    private static Path signatures() {
        String dir = System.getProperty("cell.signatures");
        Path path = dir != null ? Path.of(dir, "determinism.txt") : Path.of("../build-support/forbidden/determinism.txt");
        assertThat(path).as("the build's determinism signatures").exists();
        return path;
    }

    /** A forbiddenapis logger that keeps the errors and drops the rest. */
    private static Logger errorsInto(List<String> errors) {
        return new Logger() {
            @Override
            public void error(String msg) {
                errors.add(msg);
            }

            @Override
            public void warn(String msg) {
            }

            @Override
            public void info(String msg) {
            }

            @Override
            public void debug(String msg) {
            }
        };
    }

    private static List<String> check(Class<?> fixture) throws Exception {
        List<String> errors = new ArrayList<>();
        Checker checker = new Checker(errorsInto(errors), DeterminismBanTest.class.getClassLoader(),
                Checker.Option.FAIL_ON_VIOLATION, Checker.Option.FAIL_ON_UNRESOLVABLE_SIGNATURES);
        checker.parseSignaturesFile(signatures().toFile());
        String resource = fixture.getName().replace('.', '/') + ".class";
        try (InputStream in = fixture.getClassLoader().getResourceAsStream(resource)) {
            checker.addClassToCheck(in, resource);
        }
        try {
            checker.run();
        } catch (ForbiddenApiException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    @ParameterizedTest
    @ValueSource(classes = {WallClockFixture.class, UnseededRandomFixture.class, HashOrderFixture.class, SleepFixture.class})
    void everyKindOfViolationIsCaught(Class<?> fixture) throws Exception {
        List<String> errors = check(fixture);
        assertThat(errors).as("violations reported for %s", fixture.getSimpleName()).isNotEmpty();
        assertThat(String.join("\n", errors)).contains("Forbidden");
    }

    @Test
    void wallClockViolationNamesTheInjectedClock() throws Exception {
        assertThat(String.join("\n", check(WallClockFixture.class)))
                .contains("System#currentTimeMillis()")
                .contains("io.cellharness.core.port.Clock");
    }

    @Test
    void seededRandomnessAndOrderedMapsPass() throws Exception {
        assertThat(check(SeededFixture.class)).isEmpty();
    }

    @Test
    void theBuildAppliesTheSignaturesToCoreAndSimulator() throws Exception {
        for (String module : List.of("cell-core", "backend-sim")) {
            File pom = signatures().getParent().getParent().getParent().resolve(module).resolve("pom.xml").toFile();
            String text = Files.readString(pom.toPath());
            assertThat(text).as(module + "/pom.xml").contains("forbiddenapis").contains("determinism.txt");
        }
    }

    @Test
    void aMisspelledSignatureFailsTheBuildInsteadOfBeingIgnored() {
        Checker checker = new Checker(errorsInto(new ArrayList<>()), DeterminismBanTest.class.getClassLoader(),
                Checker.Option.FAIL_ON_UNRESOLVABLE_SIGNATURES);
        assertThatThrownBy(() -> checker.parseSignaturesString("java.lang.System#currentTimeMilis()"))
                .hasMessageContaining("currentTimeMilis");
    }
}
