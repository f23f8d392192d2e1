package dev.tidesync.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app's house rules: the root package wires everything and nothing imports it; the views,
 * the feed and the actions know no operating system; `os` holds only adapters, and each
 * adapter's library stays inside it. AWT is confined to the AWT tray, so the Linux process
 * with the StatusNotifierItem tray never loads it.
 */
@AnalyzeClasses(packages = "dev.tidesync.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.tidesync.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingImportsTheWiring = noClasses().that().resideInAnyPackage("dev.tidesync.app.*..")
            .should().dependOnClassesThat().resideInAPackage("dev.tidesync.app");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheAdapters = noClasses().that().resideOutsideOfPackages("dev.tidesync.app", "dev.tidesync.app.os..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tidesync.app.os..");

    @ArchTest
    static final ArchRule awtOnlyInTheAwtTray = noClasses().that().resideOutsideOfPackage("dev.tidesync.app.os.awt..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                    "com.dustinredmond.fxtrayicon..", "com.sun.jna..");

    @ArchTest
    static final ArchRule dbusOnlyInItsAdapters = noClasses().that().resideOutsideOfPackage("dev.tidesync.app.os..")
            .should().dependOnClassesThat().resideInAnyPackage("org.freedesktop.dbus..");

    @ArchTest
    static final ArchRule theAppAsksGitNotJGit = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..");
}
