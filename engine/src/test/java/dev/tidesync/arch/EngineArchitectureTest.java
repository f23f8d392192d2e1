package dev.tidesync.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's house rules, as docs/architecture.md draws them: the CLI on top, then the host and
 * the engine, then the features (sync, triggers, journal, hooks, doctor…), then git, then the
 * vocabulary and the plumbing. A lower package never imports a higher one, no two packages
 * import each other, JGit is spoken only in {@code git}, and nothing knows of a GUI.
 */
@AnalyzeClasses(packages = "dev.tidesync", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.tidesync.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersAsDocumented = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("dev.tidesync.cli..")
            .layer("host").definedBy("dev.tidesync.host..")
            .layer("engine").definedBy("dev.tidesync.engine..")
            .layer("features").definedBy("dev.tidesync.sync..", "dev.tidesync.trigger..", "dev.tidesync.journal..",
                    "dev.tidesync.status..", "dev.tidesync.resolve..", "dev.tidesync.hook..", "dev.tidesync.doctor..",
                    "dev.tidesync.control..", "dev.tidesync.autostart..", "dev.tidesync.guard..", "dev.tidesync.agent..",
                    "dev.tidesync.service..", "dev.tidesync.announce..")
            .layer("git").definedBy("dev.tidesync.git..")
            .layer("base").definedBy("dev.tidesync.model..", "dev.tidesync.config..", "dev.tidesync.io..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("host").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "host")
            .whereLayer("features").mayOnlyBeAccessedByLayers("cli", "host", "engine", "features")
            .whereLayer("git").mayOnlyBeAccessedByLayers("cli", "host", "engine", "features");

    @ArchTest
    static final ArchRule onlyTheGitPackageTalksToJGit = noClasses().that().resideOutsideOfPackages("dev.tidesync.git..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..");

    @ArchTest
    static final ArchRule engineHasNoGui = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule theCliIsTheOnlyPicocliUser = noClasses().that().resideOutsideOfPackage("dev.tidesync.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");
}
