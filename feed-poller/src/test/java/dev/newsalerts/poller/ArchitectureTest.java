package dev.newsalerts.poller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;

/** The packages of the feed-poller hold what their names say, as DESIGN.md's conventions describe. */
@AnalyzeClasses(packages = ArchitectureTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String SERVICE = "dev.newsalerts.poller";
    private static final String ALL = SERVICE + "..";
    private static final String DOMAIN = SERVICE + ".domain..";
    private static final String APP = SERVICE + ".app..";
    private static final String CONFIG = SERVICE + ".config..";
    private static final String MESSAGING = SERVICE + ".messaging..";
    private static final String REST = SERVICE + ".rest..";
    private static final String CLIENT = SERVICE + ".client..";
    private static final List<String> ADAPTERS = List.of("messaging", "rest", "client");

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherPackageOfTheService = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ALL).or(resideInAPackage(DOMAIN)));

    @ArchTest
    static final ArchRule theAdaptersDoNotDependOnEachOther = slices().matching(SERVICE + ".(*)..")
            .that(DescribedPredicate.describe("are adapters " + ADAPTERS, (Slice slice) -> ADAPTERS.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theUseCasesDependOnNoAdapter = noClasses().that().resideInAPackage(APP)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, REST, CLIENT);

    @ArchTest
    static final ArchRule configurationDependsOnNoAdapterAndNoUseCase = noClasses().that().resideInAPackage(CONFIG)
            .should().dependOnClassesThat().resideInAnyPackage(APP, MESSAGING, REST, CLIENT);

    @ArchTest
    static final ArchRule configurationHoldsOnlyConfigMappingInterfaces = classes().that().resideInAPackage(CONFIG)
            .and().areTopLevelClasses()
            .should().beInterfaces().andShould().beAnnotatedWith(ConfigMapping.class);

    @ArchTest
    static final ArchRule onlyTheMessagingAdaptersUseTheKafkaClients = noClasses().that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule noClassReadsKafkaWithAConsumerOfItsOwn = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Consumer.class)
            .because("the Kafka library's FollowedTable, LeaseGroup, DelayQueue and TopicReader hold the consumers");

    @ArchTest
    static final ArchRule noClassFollowsARebalanceItself = noClasses()
            .should().dependOnClassesThat().areAssignableTo(ConsumerRebalanceListener.class)
            .because("the Kafka library's LeaseGroup and DelayQueue follow the rebalances");

    @ArchTest
    static final ArchRule theServicesPackagesAreFreeOfCycles = slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles();
}
