package dev.newsalerts.houserules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.smallrye.config.ConfigMapping;

/**
 * The rooms of every service (DESIGN.md, "Conventions"; docs/ARCHITECTURE.md), as ArchUnit rules. A
 * service's {@code ArchitectureTest} imports its own production classes and includes these with
 * {@code ArchTests.in(HouseRules.class)}; each package pattern names the service's own package
 * ({@code dev.newsalerts.<service>.<room>}), so the rules hold for any service.
 */
public final class HouseRules {

    private static final String DOMAIN = "dev.newsalerts.*.domain..";
    private static final String APP = "dev.newsalerts.*.app..";
    private static final String CONFIG = "dev.newsalerts.*.config..";
    private static final String MESSAGING = "dev.newsalerts.*.messaging..";
    private static final String REST = "dev.newsalerts.*.rest..";
    private static final String CLIENT = "dev.newsalerts.*.client..";
    private static final String KAFKA_LIBRARY = "dev.newsalerts.kafka..";
    private static final String KAFKA_CLIENTS = "org.apache.kafka..";

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherRoomNorOnKafka = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APP, CONFIG, MESSAGING, REST, CLIENT, KAFKA_LIBRARY, KAFKA_CLIENTS)
            .because("the domain is values and rules, whatever drives them and wherever they are kept");

    @ArchTest
    static final ArchRule theUseCasesDependOnNoAdapter = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST, CLIENT)
            .because("a use case declares what it needs from an adapter as a port in app, which the adapter implements");

    @ArchTest
    static final ArchRule theUseCasesUseOfTheKafkaLibraryOnlyTheTopicNames = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat(resideInAPackage(KAFKA_LIBRARY).and(not(simpleName("Topics"))))
            .because("reading and writing Kafka is messaging's business; a use case may name a topic in a log line");

    @ArchTest
    static final ArchRule messagingDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(REST, CLIENT)
            .because("adapters meet only in app and domain")
            .allowEmptyShould(true); // a service need not have every kind of adapter

    @ArchTest
    static final ArchRule restDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, CLIENT)
            .because("adapters meet only in app and domain")
            .allowEmptyShould(true); // a service need not have every kind of adapter

    @ArchTest
    static final ArchRule clientDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST)
            .because("adapters meet only in app and domain")
            .allowEmptyShould(true); // a service need not have every kind of adapter

    @ArchTest
    static final ArchRule configurationDependsOnNoUseCaseOrAdapter = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(APP, MESSAGING, REST, CLIENT)
            .because("configuration is read by the others and uses nothing but the domain's values");

    @ArchTest
    static final ArchRule configurationIsConfigMappingInterfacesOnly = classes().that().resideInAPackage(CONFIG)
            .and().areTopLevelClasses()
            .should().beInterfaces().andShould().beAnnotatedWith(ConfigMapping.class)
            .because("config holds typed configuration (@ConfigMapping), nothing that runs");

    @ArchTest
    static final ArchRule onlyMessagingUsesTheKafkaClients = noClasses().that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAPackage(KAFKA_CLIENTS)
            .because("Kafka is an adapter's business");

    @ArchTest
    static final ArchRule noClassWritesAPollLoopOfItsOwn = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.ConsumerRebalanceListener")
            .because("topics are read through SmallRye channels and the Kafka library's FollowedTable, DelayQueue, LeaseGroup"
                    + " and TopicReader, not through consumers and rebalance listeners of the service's own");

    @ArchTest
    static final ArchRule theRoomsHaveNoCycles = slices().matching("dev.newsalerts.*.(*)..").should().beFreeOfCycles();

    private HouseRules() {
    }
}
