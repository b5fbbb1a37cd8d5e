package dev.vigil.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled main code: the composition root on
 * top, features in the middle, plumbing at the bottom, and no package that depends on another one
 * which depends back on it.
 */
class LayeringTest {
    /** Plumbing: it serves every feature and knows none. */
    private static final String[] BOTTOM = {"dev.vigil.web..", "dev.vigil.errors..", "dev.vigil.db..",
            "dev.vigil.config..", "dev.vigil.time..", "dev.vigil.schedule..", "dev.vigil.markdown.."};
    private static final String[] FEATURES = {"dev.vigil.accounts..", "dev.vigil.actionitems..", "dev.vigil.agent..",
            "dev.vigil.agents..",
            "dev.vigil.components..", "dev.vigil.console..", "dev.vigil.demo..", "dev.vigil.engine..", "dev.vigil.heartbeats..", "dev.vigil.incidents..",
            "dev.vigil.maintenance..", "dev.vigil.metrics..", "dev.vigil.monitoring..", "dev.vigil.notifications..",
            "dev.vigil.home..", "dev.vigil.outages..", "dev.vigil.postmortems..", "dev.vigil.probes..", "dev.vigil.reminders..", "dev.vigil.search..",
            "dev.vigil.statuspage..", "dev.vigil.telemetry..", "dev.vigil.uptime.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil");
    }

    @Test
    void noPackageDependsOnAPackageThatDependsBackOnIt() {
        slices().matching("dev.vigil.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void thePlumbingKnowsNoFeature() {
        noClasses().that().resideInAnyPackage(BOTTOM)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAPackage("dev.vigil.app..")
                .check(main);
    }

    @Test
    void onlyTheCompositionRootKnowsTheCompositionRoot() {
        classes().that().resideInAPackage("dev.vigil.app..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("dev.vigil.app..")
                .check(main);
    }

    @Test
    void outagesKnowNothingOfIncidentsOrMaintenance() {
        noClasses().that().resideInAnyPackage("dev.vigil.outages..", "dev.vigil.probes..", "dev.vigil.components..",
                        "dev.vigil.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.vigil.incidents..", "dev.vigil.maintenance..", "dev.vigil.statuspage..")
                .check(main);
    }

    @Test
    void onlyTheWebEdgeUsesTheWebFramework() {
        noClasses().that().resideOutsideOfPackages("dev.vigil.web..", "dev.vigil.app..")
                .and().haveSimpleNameNotEndingWith("Handlers").and().haveSimpleNameNotEndingWith("Handler")
                .and().haveSimpleNameNotEndingWith("Console").and().haveSimpleNameNotEndingWith("Api")
                .and().haveSimpleNameNotEndingWith("Guard").and().haveSimpleNameNotEndingWith("Requests")
                .and().haveSimpleNameNotEndingWith("Pages").and().haveSimpleNameNotEndingWith("Form")
                .and().haveSimpleNameNotEndingWith("FormInput").and().haveSimpleNameNotEndingWith("FormTokens")
                .and().haveSimpleNameNotEndingWith("Cookies").and().haveSimpleNameNotEndingWith("Picker")
                .and().haveSimpleNameNotEndingWith("SignedIn").and().haveSimpleNameNotEndingWith("DemoTarget")
                .and().areNotNestedClasses().and().areNotAnonymousClasses()
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(main);
    }
}
