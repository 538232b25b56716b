package io.ctimw.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule passes on the product's production classes, and fails on the fixture tree that breaks
 * it on purpose, naming the fixture written for each of its clauses: a rule (or a clause) that
 * cannot fail is not a rule, and a rule failing only because of some other violation proves nothing.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ctimw");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("fixture.ctimw");

    private static final ArchitectureRules REAL = new ArchitectureRules("io.ctimw");
    private static final ArchitectureRules BROKEN = new ArchitectureRules("fixture.ctimw");
    private static final String F = "fixture.ctimw.";

    /** Each rule with the fixture members that must appear in its failure, one (at least) per clause. */
    static Stream<Arguments> rules() {
        return Stream.of(
                rule(ArchitectureRules::layers, "<" + F + "Stray>", F + "core.ReachesAnAdapter.outward()",
                        F + "simulator.ReachesIntoTheCore.core()", F + "adapters.beta.UsesTheSimulator.sim()",
                        F + "adapters.beta.CallsAnApp.app()", F + "simulator.RunsTheBench.bench()"),
                rule(ArchitectureRules::adaptersUseTheCoreOnlyThroughItsPorts,
                        F + "adapters.delta.ReachesPastThePorts.internals()",
                        F + "adapters.delta.ReachesPastThePorts.coreServices()"),
                rule(ArchitectureRules::appsUseTheCoreOnlyThroughItsPortsAndCoreServices,
                        F + "app.middleware.Wiring.internals()"),
                rule(ArchitectureRules::coreIsPlainJava, F + "core.UsesAFramework.mapper()"),
                rule(ArchitectureRules::coreTakesTimeFromItsClock, F + "core.WallClock.instantNow()",
                        F + "core.WallClock.localDateTimeNow()", F + "core.WallClock.localDateNow()",
                        F + "core.WallClock.offsetDateTimeNow()", F + "core.WallClock.zonedDateTimeNow()",
                        F + "core.WallClock.currentTimeMillis()", F + "core.WallClock.randomUuid()"),
                rule(ArchitectureRules::adaptersAreIndependent, F + "adapters.alpha.AlphaAdapter.peer()"),
                rule(ArchitectureRules::corePackagesAreFreeOfCycles, F + "core.chicken.Chicken", F + "core.egg.Egg"),
                rule(ArchitectureRules::adapterPackagesAreFreeOfCycles, F + "adapters.gamma.wire.GammaCodec",
                        F + "adapters.gamma.GammaAdapter"),
                rule(ArchitectureRules::outboundPortsAreInterfaces, F + "core.port.out.NotAnInterface"),
                rule(ArchitectureRules::onlyShellsPrint, F + "core.PrintsToStdout.say()",
                        F + "core.PrintsToStderr.complain()"),
                rule(ArchitectureRules::agentIsAPureHttpClient, F + "app.agent.Agent.core()",
                        F + "app.agent.Agent.adapter()", F + "app.agent.Agent.middleware()"),
                rule(ArchitectureRules::webSocketClientStaysPrivate, F + "adapters.alpha.PublicWsClient"));
    }

    private static Arguments rule(Function<ArchitectureRules, ArchRule> rule, String... expectedInFailure) {
        return Arguments.of(rule.apply(REAL).getDescription(), rule, List.of(expectedInFailure));
    }

    @Test
    void theProductIsImported() {
        // Guards against a silently empty or partial import, under which every rule would pass.
        assertTrue(PRODUCT.containsAll(Stream.of("io.ctimw.core.CoreServices", "io.ctimw.adapters.http.HttpApi",
                "io.ctimw.adapters.postgres.JdbiEventStore", "io.ctimw.adapters.ctiws.WsCtiGateway",
                "io.ctimw.app.middleware.MiddlewareApp", "io.ctimw.app.agent.AgentMain",
                "io.ctimw.simulator.CtiSimulator", "io.ctimw.bench.BenchMain").map(PRODUCT::get).toList()));
        assertFalse(FIXTURE.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsForTheProduct(String description, Function<ArchitectureRules, ArchRule> rule, List<String> unused) {
        rule.apply(REAL).check(PRODUCT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void namesEachOfItsFixtureViolations(String description, Function<ArchitectureRules, ArchRule> rule,
                                         List<String> expectedInFailure) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(BROKEN).check(FIXTURE));
        for (String expected : expectedInFailure) {
            assertTrue(failure.getMessage().contains(expected), () -> expected + " not in:\n" + failure.getMessage());
        }
    }

    @Test
    void anAdapterMayUseTheModelAndAnAppMayUseCoreServices() {
        // The allowances are exact: the allowed uses in the same fixture classes are not reported.
        String adapters = assertThrows(AssertionError.class,
                () -> BROKEN.adaptersUseTheCoreOnlyThroughItsPorts().check(FIXTURE)).getMessage();
        assertFalse(adapters.contains(F + "adapters.delta.ReachesPastThePorts.ports()"), adapters);
        String apps = assertThrows(AssertionError.class,
                () -> BROKEN.appsUseTheCoreOnlyThroughItsPortsAndCoreServices().check(FIXTURE)).getMessage();
        assertFalse(apps.contains(F + "app.middleware.Wiring.compose()"), apps);
        assertFalse(apps.contains(F + "app.agent.Agent.core()"), apps);
    }
}
