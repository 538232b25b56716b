package io.ctimw.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule passes on the product's production classes, and fails on the fixture tree that
 * breaks it on purpose: a rule that cannot fail is not a rule.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ctimw");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("fixture.ctimw");

    private static final ArchitectureRules REAL = new ArchitectureRules("io.ctimw");
    private static final ArchitectureRules BROKEN = new ArchitectureRules("fixture.ctimw");

    static Stream<Arguments> rules() {
        return Stream.<Function<ArchitectureRules, ArchRule>>of(
                ArchitectureRules::layers, ArchitectureRules::coreIsPlainJava, ArchitectureRules::coreTakesTimeFromItsClock,
                ArchitectureRules::adaptersAreIndependent, ArchitectureRules::corePackagesAreFreeOfCycles,
                ArchitectureRules::adapterPackagesAreFreeOfCycles, ArchitectureRules::outboundPortsAreInterfaces,
                ArchitectureRules::onlyShellsWriteToStdout, ArchitectureRules::agentIsAPureHttpClient,
                ArchitectureRules::webSocketClientStaysPrivate)
                .map(r -> Arguments.of(r.apply(REAL).getDescription(), r));
    }

    @Test
    void theProductIsImported() {
        // Guards against a silently empty import, under which every rule would pass.
        assertTrue(PRODUCT.containsAll(Stream.of("io.ctimw.core.CoreServices", "io.ctimw.adapters.http.HttpApi",
                "io.ctimw.adapters.postgres.JdbiEventStore", "io.ctimw.adapters.ctiws.WsCtiGateway",
                "io.ctimw.app.middleware.MiddlewareApp", "io.ctimw.app.agent.AgentMain",
                "io.ctimw.simulator.CtiSimulator").map(PRODUCT::get).toList()));
        assertFalse(FIXTURE.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsForTheProduct(String description, Function<ArchitectureRules, ArchRule> rule) {
        rule.apply(REAL).check(PRODUCT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void catchesItsViolationInTheFixture(String description, Function<ArchitectureRules, ArchRule> rule) {
        assertThrows(AssertionError.class, () -> rule.apply(BROKEN).check(FIXTURE));
    }

    @Test
    void aCoreCycleIsReportedWithTheClassesThatCloseIt() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> BROKEN.corePackagesAreFreeOfCycles().check(FIXTURE));
        assertTrue(failure.getMessage().contains("fixture.ctimw.core.chicken.Chicken")
                && failure.getMessage().contains("fixture.ctimw.core.egg.Egg"), failure.getMessage());
    }

    @Test
    void aCycleInsideAnAdapterIsReportedWithTheClassesThatCloseIt() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> BROKEN.adapterPackagesAreFreeOfCycles().check(FIXTURE));
        assertTrue(failure.getMessage().contains("fixture.ctimw.adapters.gamma.wire.GammaCodec")
                && failure.getMessage().contains("fixture.ctimw.adapters.gamma.GammaAdapter"), failure.getMessage());
    }
}
