package dev.newsalerts.poller;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.newsalerts.houserules.HouseRules;

/** The packages of the feed-poller hold what their names say: the house rules of every service (libs/house-rules). */
@AnalyzeClasses(packages = "dev.newsalerts.poller", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests houseRules = ArchTests.in(HouseRules.class);
}
