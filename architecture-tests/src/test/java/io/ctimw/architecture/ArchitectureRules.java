package io.ctimw.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.ctimw.core.CorePorts;
import io.ctimw.core.CoreSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The architecture, as rules over a root package. Written against a root so the same rules also
 * run against a deliberately broken fixture tree ({@code fixture.ctimw}), proving each can fail.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String sub) {
        return root + "." + sub + "..";
    }

    /**
     * Inward-pointing dependencies: apps wire adapters, adapters implement the core, nobody uses the
     * apps; only the load driver (itself used by nobody) starts the simulator and embedded PostgreSQL.
     */
    ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer("Core").definedBy(pkg("core"))
                .layer("Adapters").definedBy(pkg("adapters"))
                .layer("Apps").definedBy(pkg("app"))
                .layer("Simulator").definedBy(pkg("simulator"))
                .layer("Benchmarks").definedBy(pkg("bench"))
                .whereLayer("Apps").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Apps", "Benchmarks")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Adapters", "Apps")
                .whereLayer("Simulator").mayOnlyBeAccessedByLayers("Benchmarks")
                .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** Adapters see the core only as its ports and the values they speak: never a service, never the wiring. */
    ArchRule adaptersUseTheCoreOnlyThroughItsPorts() {
        return noClasses().that().resideInAPackage(pkg("adapters"))
                .should().dependOnClassesThat(coreOutside(List.of()))
                .because("an adapter translates between a technology and the use cases; core internals may change freely");
    }

    /**
     * The apps see what adapters see plus their composition root: {@code CoreServices} and what it is built
     * from, {@code CorePorts} and {@code CoreSettings}. Everything else its construction needs is in the ports
     * or the model.
     */
    ArchRule appsUseTheCoreOnlyThroughItsPortsAndCoreServices() {
        return noClasses().that().resideInAPackage(pkg("app"))
                .should().dependOnClassesThat(coreOutside(
                        List.of(root + ".core.CoreServices", root + ".core.CorePorts", root + ".core.CoreSettings")))
                .because("the apps wire the core through CoreServices and talk to it through its use cases");
    }

    /** Core classes other than the ports, the model and the named classes (and their nested classes). */
    private DescribedPredicate<JavaClass> coreOutside(List<String> allowedClasses) {
        List<String> open = List.of(root + ".core.port.in.", root + ".core.port.out.", root + ".core.model.");
        String except = allowedClasses.isEmpty() ? "" : " and " + String.join(", ", allowedClasses);
        return DescribedPredicate.describe("are core classes outside port.in, port.out, model" + except,
                (JavaClass c) -> c.getName().startsWith(root + ".core.")
                        && open.stream().noneMatch(c.getName()::startsWith)
                        && allowedClasses.stream().noneMatch(a -> c.getName().equals(a) || c.getName().startsWith(a + "$")));
    }

    /** The core is plain Java: only the JDK and itself (no Javalin, Jdbi, Jackson, WebSocket, config, logging frameworks). */
    ArchRule coreIsPlainJava() {
        return classes().that().resideInAPackage(pkg("core"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("core"), "java..")
                .because("the domain must be testable without IO and swappable adapters must not leak into it");
    }

    /** The domain never reads the wall clock or makes random ids itself: both are injected. */
    ArchRule coreTakesTimeFromItsClock() {
        return noClasses().that().resideInAPackage(pkg("core"))
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(UUID.class, "randomUUID")
                .because("time and identity are injected (Clock, TokenGenerator) so tests control them");
    }

    /** Adapters are independent: swapping one never touches another. */
    ArchRule adaptersAreIndependent() {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther();
    }

    /** The core's packages form a DAG (model at the bottom, the root wiring on top) a newcomer can draw. */
    ArchRule corePackagesAreFreeOfCycles() {
        return slices().matching(root + ".core.(*)..").namingSlices("core.$1").should().beFreeOfCycles();
    }

    /** No package cycles inside an adapter either (every package under adapters is its own slice). */
    ArchRule adapterPackagesAreFreeOfCycles() {
        return slices().matching(root + ".adapters.(**)").namingSlices("adapters.$1").should().beFreeOfCycles();
    }

    /** Ports are interfaces (and the records/exceptions they speak in live elsewhere). */
    ArchRule outboundPortsAreInterfaces() {
        return classes().that().resideInAPackage(pkg("core.port"))
                .and().areTopLevelClasses()
                .and().areNotAssignableTo(RuntimeException.class)
                .should().beInterfaces();
    }

    /** Only the runnable shells (apps, simulator, load driver) print to the terminal; libraries log. */
    ArchRule onlyShellsPrint() {
        return noClasses().that().resideOutsideOfPackages(pkg("app"), pkg("simulator"), pkg("bench"))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the core and adapters report through loggers and return values");
    }

    /** The agent CLI talks HTTP only: it must not reach into the middleware's code. */
    ArchRule agentIsAPureHttpClient() {
        return noClasses().that().resideInAPackage(pkg("app.agent"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("core"), pkg("adapters"), pkg("app.middleware"));
    }

    /** The Java-WebSocket client subclass stays an implementation detail of its adapter. */
    ArchRule webSocketClientStaysPrivate() {
        return classes().that().areAssignableTo(DescribedPredicate.describe("a Java-WebSocket client",
                        (JavaClass c) -> c.isAssignableTo("org.java_websocket.client.WebSocketClient")))
                .and().resideInAPackage(root + "..")
                .should().notBePublic();
    }
}
