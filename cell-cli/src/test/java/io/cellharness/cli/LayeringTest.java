package io.cellharness.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the modules as a test, not a hope (issue 12): the engine knows no world, the two worlds do not know
 * each other, and only the composition roots (the CLI, the scenario backends, the services, the benchmarks) wire
 * worlds together. The cell command's test class path holds every module, so this is where all of them can be seen.
 */
class LayeringTest {

    /** backend-sim's packages. */
    private static final String[] SIM = {"io.cellharness.sim.."};

    /** backend-libvirt's packages: the real world. */
    private static final String[] REAL = {"io.cellharness.libvirt..", "io.cellharness.fence..",
        "io.cellharness.engine..", "io.cellharness.peer..", "io.cellharness.watchdog..", "io.cellharness.heartbeat.."};

    /** Everything outside cell-core. */
    private static final String[] OUTSIDE_CORE = {"io.cellharness.sim..", "io.cellharness.libvirt..",
        "io.cellharness.fence..", "io.cellharness.engine..", "io.cellharness.peer..", "io.cellharness.watchdog..",
        "io.cellharness.heartbeat..", "io.cellharness.runtime..", "io.cellharness.features..",
        "io.cellharness.reports..", "io.cellharness.cli..", "io.cellharness.perf.."};

    /** The composition roots: the only places that may put the simulator and the real world side by side. */
    private static final String[] ROOTS = {"io.cellharness.cli..", "io.cellharness.features..",
        "io.cellharness.perf.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cellharness");
    }

    @Test
    void everyModuleIsSeen() {
        // A rule over classes that were never imported holds vacuously: make sure each module is here.
        for (String probe : new String[] {"io.cellharness.core.ha.HaManager", "io.cellharness.sim.Simulation",
            "io.cellharness.libvirt.LibvirtHypervisor", "io.cellharness.runtime.ManagerService",
            "io.cellharness.features.run.ScenarioRunner", "io.cellharness.cli.CellCommand"}) {
            assertThat(classes.contain(probe)).as(probe).isTrue();
        }
    }

    @Test
    void theEngineImportsNeitherWorldNorAnythingBuiltOnIt() {
        noClasses().that().resideInAPackage("io.cellharness.core..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_CORE)
                .check(classes);
    }

    @Test
    void theEngineHasNoPackageLoop() {
        slices().matching("io.cellharness.core.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSimulatorDoesNotImportTheRealWorld() {
        noClasses().that().resideInAnyPackage(SIM).should().dependOnClassesThat().resideInAnyPackage(REAL)
                .check(classes);
    }

    @Test
    void theRealWorldDoesNotImportTheSimulator() {
        noClasses().that().resideInAnyPackage(REAL).or().resideInAPackage("io.cellharness.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(SIM)
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootsWireBothWorldsTogether() {
        noClasses().that().resideOutsideOfPackages(ROOTS).should(dependOnBothWorlds()).check(classes);
    }

    private static ArchCondition<JavaClass> dependOnBothWorlds() {
        return new ArchCondition<>("depend on both the simulator and the real world") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean sim = false;
                boolean real = false;
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String pkg = d.getTargetClass().getPackageName();
                    sim |= pkg.startsWith("io.cellharness.sim");
                    real |= pkg.startsWith("io.cellharness.libvirt") || pkg.startsWith("io.cellharness.fence")
                            || pkg.startsWith("io.cellharness.engine") || pkg.startsWith("io.cellharness.peer")
                            || pkg.startsWith("io.cellharness.watchdog") || pkg.startsWith("io.cellharness.heartbeat");
                }
                if (sim && real) {
                    events.add(SimpleConditionEvent.violated(item, item.getName()
                            + " depends on both the simulator and the real world"));
                }
            }
        };
    }
}
