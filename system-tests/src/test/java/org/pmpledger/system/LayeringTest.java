package org.pmpledger.system;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The layering the build keeps: the shared modules know no framework, the two services know nothing of each other,
 * the domain decides without HTTP, feature packages form no cycle, controllers are leaves and package-private, and a
 * bean takes at most a dozen collaborators.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/org/pmpledger/query/jooq/")
                    && !location.contains("/org/pmpledger/command/jooq/"))
            .importPackages("org.pmpledger");

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.axonframework..",
        "org.apache.kafka..",
        "org.jooq..",
        "jakarta.servlet..",
        "io.micrometer..",
        "io.swagger.."
    };

    @Test
    void theSharedModulesKnowNoFrameworkAndNoService() {
        noClasses()
                .that()
                .resideInAnyPackage("org.pmpledger.events..", "org.pmpledger.document..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pmpledger.command..", "org.pmpledger.query..", "org.pmpledger.web..")
                .check(MAIN);
    }

    /** The broker's health asks the cluster for its nodes, and nothing else of Kafka's: the one exception. */
    @Test
    void theWebModuleKnowsNeitherServiceNorTheLedgerMachinery() {
        noClasses()
                .that()
                .resideInAPackage("org.pmpledger.web..")
                .and()
                .doNotHaveFullyQualifiedName("org.pmpledger.web.BrokerHealth")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.pmpledger.command..",
                        "org.pmpledger.query..",
                        "org.axonframework..",
                        "org.apache.kafka..",
                        "org.jooq..")
                .check(MAIN);
    }

    @Test
    void theCommandSideAndTheQuerySideKnowNothingOfEachOther() {
        noClasses()
                .that()
                .resideInAPackage("org.pmpledger.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.pmpledger.query..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("org.pmpledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pmpledger.command..", "org.axonframework..")
                .check(MAIN);
    }

    @Test
    void theDomainDecidesWithoutHttpDatabaseOrBroker() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.pmpledger.command.planstate..",
                        "org.pmpledger.command.refusal..",
                        "org.pmpledger.command.access..")
                .or()
                .haveSimpleNameEndingWith("Decisions")
                .or()
                .haveSimpleName("CycleTerms")
                .or()
                .areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "org.jooq..",
                        "org.apache.kafka..",
                        "org.springframework.jdbc..")
                .check(MAIN);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.pmpledger.command.(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
        slices().matching("org.pmpledger.query.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingDependsOnAController() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .check(MAIN.that(describe(
                        "are not controllers",
                        (JavaClass c) -> !c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                                && !c.getEnclosingClass()
                                        .map(outer -> outer.isAnnotatedWith(
                                                "org.springframework.web.bind.annotation.RestController"))
                                        .orElse(false))));
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(MAIN);
    }

    @Test
    void aBeanTakesAtMostADozenCollaborators() {
        classes()
                .that()
                .areMetaAnnotatedWith("org.springframework.stereotype.Component")
                .should(new ArchCondition<>("take at most 12 collaborators in a constructor") {
                    @Override
                    public void check(JavaClass bean, ConditionEvents events) {
                        bean.getConstructors().stream()
                                .filter(constructor ->
                                        constructor.getRawParameterTypes().size() > 12)
                                .forEach(constructor -> events.add(SimpleConditionEvent.violated(
                                        bean,
                                        bean.getName() + " takes "
                                                + constructor
                                                        .getRawParameterTypes()
                                                        .size() + " collaborators")));
                    }
                })
                .check(MAIN);
    }
}
