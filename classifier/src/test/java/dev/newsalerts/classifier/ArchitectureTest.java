package dev.newsalerts.classifier;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The classifier's rooms, as DESIGN.md's conventions name them, checked on the production classes. */
@AnalyzeClasses(packages = ArchitectureTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String SERVICE = "dev.newsalerts.classifier";
    private static final String DOMAIN = SERVICE + ".domain..";
    private static final String APP = SERVICE + ".app..";
    private static final String CONFIG = SERVICE + ".config..";
    private static final String MESSAGING = SERVICE + ".messaging..";
    private static final String REST = SERVICE + ".rest..";
    private static final String CLIENT = SERVICE + ".client..";

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherPackageOfTheService = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat(resideInAPackage(SERVICE + "..").and(not(resideInAPackage(DOMAIN))))
            .as("the domain depends on no other package of the service");

    @ArchTest
    static final ArchRule messagingDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(REST, CLIENT)
            .as("messaging depends on no other adapter");

    @ArchTest
    static final ArchRule restDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, CLIENT)
            .as("rest depends on no other adapter");

    @ArchTest
    static final ArchRule clientDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST)
            .as("client depends on no other adapter").allowEmptyShould(true);

    @ArchTest
    static final ArchRule theUseCasesDependOnNoAdapter = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST, CLIENT)
            .as("the use cases (app) depend on no adapter");

    @ArchTest
    static final ArchRule configurationDependsOnNoUseCaseOrAdapter = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat(resideInAnyPackage(APP, MESSAGING, REST, CLIENT))
            .as("configuration depends on no use case or adapter");

    @ArchTest
    static final ArchRule thePackagesOfTheServiceHaveNoCycles = slices().matching(SERVICE + ".(*)..")
            .should().beFreeOfCycles()
            .as("the packages of the service have no cycles");
}
