package dev.newsalerts.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The notifier's packages say what they hold (DESIGN.md, "Conventions"): {@code domain} values and
 * rules, {@code app} the use cases and the ports they need, {@code messaging}, {@code rest} and
 * {@code client} adapters to Kafka, HTTP callers and receivers, {@code config} configuration.
 */
@AnalyzeClasses(packages = "dev.newsalerts.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.newsalerts.notifier.domain..";
    private static final String APP = "dev.newsalerts.notifier.app..";
    private static final String CONFIG = "dev.newsalerts.notifier.config..";
    private static final String MESSAGING = "dev.newsalerts.notifier.messaging..";
    private static final String REST = "dev.newsalerts.notifier.rest..";
    private static final String CLIENT = "dev.newsalerts.notifier.client..";

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherPackageOfTheService = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APP, CONFIG, MESSAGING, REST, CLIENT)
            .because("the domain is values and rules, whatever drives them and wherever they are kept");

    @ArchTest
    static final ArchRule theUseCasesDependOnNoAdapter = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST, CLIENT)
            .because("a use case declares what it needs from an adapter as a port in app, which the adapter implements");

    @ArchTest
    static final ArchRule messagingDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(REST, CLIENT)
            .because("adapters meet only in app and domain");

    @ArchTest
    static final ArchRule restDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, CLIENT)
            .because("adapters meet only in app and domain");

    @ArchTest
    static final ArchRule clientDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST)
            .because("adapters meet only in app and domain");

    @ArchTest
    static final ArchRule configHoldsConfigurationOnly = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(APP, MESSAGING, REST, CLIENT)
            .because("configuration is read by the others and uses nothing but the domain's values");

    @ArchTest
    static final ArchRule noClassWritesAConsumerLoop = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
            .because("topics are read through SmallRye channels and the Kafka library's primitives (FollowedTable, DelayQueue,"
                    + " TopicReader), not poll loops of the service's own");

    @ArchTest
    static final ArchRule onlyMessagingUsesTheKafkaClient = noClasses().that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("Kafka is an adapter's business");

    @ArchTest
    static final ArchRule thePackagesOfTheServiceHaveNoCycles = slices().matching("dev.newsalerts.notifier.(*)..")
            .should().beFreeOfCycles();
}
