package dev.tidesync.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine runs headless and inside the tray app alike: it must know nothing of a GUI. */
@AnalyzeClasses(packages = "dev.tidesync", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoGui = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule onlyTheGitPackageTalksToJGitTransport = noClasses().that().resideOutsideOfPackages("dev.tidesync.git..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit.transport..");

    @ArchTest
    static final ArchRule theCliIsTheOnlyPicocliUser = noClasses().that().resideOutsideOfPackage("dev.tidesync.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");
}
