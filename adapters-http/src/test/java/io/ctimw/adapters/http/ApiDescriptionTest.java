package io.ctimw.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi.json} and the server agree: every route served is described and every route described
 * is served, and real answers (captured over HTTP from a running {@link HttpApi}) have a status, media
 * type, headers and body the description allows. A failure names the route or answer at fault.
 */
class ApiDescriptionTest {
    static final String FILE = "adapters-http/src/main/resources/io/ctimw/adapters/http/docs/openapi.json";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private TestServer server;
    private String text;
    private JsonNode doc;

    @BeforeEach
    void start() {
        // As configured by default: /metrics is served by the API's own port.
        server = new TestServer(UnaryOperator.identity(),
                HttpMetrics.of(registry, Set.of("Answer"), Clock.systemUTC()).servedAt(registry::scrape));
        HttpResponse<String> served = server.send(server.request(Routes.API + "/openapi.json").GET());
        assertEquals(200, served.statusCode());
        text = served.body();
        doc = TestServer.body(served);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDescriptionIsValidOpenApi31() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text);
        assertEquals(List.of(), parsed.getMessages(), FILE + " does not parse cleanly");
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3.1"), parsed.getOpenAPI().getOpenapi());
    }

    @Test
    void everyServedRouteIsDescribedAndEveryDescribedRouteIsServed() {
        Set<String> served = new TreeSet<>(server.api.routeTable());
        Set<String> described = describedRoutes();

        Set<String> undescribed = new TreeSet<>(served);
        undescribed.removeAll(described);
        assertEquals(Set.of(), undescribed, "served but not described in " + FILE
                + ": add each (parameters, request body, every response with its schema) and examples in ApiExamples");
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeAll(served);
        assertEquals(Set.of(), unserved, "described in " + FILE + " but not served");
    }

    @Test
    void everyProblemTypeIsDescribedAndNoOther() {
        Set<String> described = new TreeSet<>();
        doc.at("/components/schemas/ProblemType/enum").forEach(t -> described.add(t.asText()));
        Set<String> served = Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toCollection(TreeSet::new));
        served.add("about:blank"); // Jetty's own errors (JettyErrors)
        assertEquals(served, described, "ProblemType and the description's ProblemType enum differ");
    }

    @Test
    void realAnswersMatchTheirDescription() {
        List<ApiExamples.Exchange> exchanges = new ApiExamples(server).record();
        List<String> wrong = new ArrayList<>();
        exchanges.forEach(exchange -> wrong.addAll(check(exchange)));
        assertEquals(List.of(), wrong, "answers that openapi.json does not describe");

        Set<String> exemplified = exchanges.stream().filter(e -> e.template() != null)
                .map(e -> e.method() + " " + e.template()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> without = new TreeSet<>(server.api.routeTable());
        without.removeAll(exemplified);
        assertEquals(Set.of(), without, "routes with no example in ApiExamples: add a request for each");
    }

    private Set<String> describedRoutes() {
        OpenAPI parsed = new OpenAPIV3Parser().readContents(text).getOpenAPI();
        Set<String> routes = new TreeSet<>();
        parsed.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet().forEach(method -> routes.add(method.name() + " " + path)));
        return routes;
    }

    /** What is wrong with one answer, as sentences naming it; empty when the description allows it. */
    private List<String> check(ApiExamples.Exchange exchange) {
        HttpResponse<String> response = exchange.response();
        String what = exchange.method() + " " + exchange.path() + " -> " + response.statusCode();
        JsonNode described = describedResponse(exchange);
        if (described.isMissingNode()) {
            return List.of(what + ": status not listed for " + exchange.method() + " " + exchange.template());
        }
        List<String> wrong = new ArrayList<>();
        described.path("headers").fieldNames().forEachRemaining(header -> {
            if (response.headers().firstValue(header).isEmpty()) {
                wrong.add(what + ": described header " + header + " missing");
            }
        });
        JsonNode content = described.path("content");
        if (content.isMissingNode()) {
            if (!response.body().isEmpty()) {
                wrong.add(what + ": described without a body, answered one");
            }
            return wrong;
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode schema = content.path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            wrong.add(what + ": media type '" + mediaType + "' not described (described: " + fieldNames(content) + ")");
        } else if (mediaType.endsWith("json")) {
            validate(schema, TestServer.body(response)).forEach(e -> wrong.add(what + ": " + e));
        } else if (response.body().isEmpty()) {
            wrong.add(what + ": empty body");
        }
        return wrong;
    }

    /** The response object for the exchange's status; unmatched paths answer the shared NotFound/MethodNotAllowed. */
    private JsonNode describedResponse(ApiExamples.Exchange exchange) {
        int status = exchange.response().statusCode();
        JsonNode response = exchange.template() == null
                ? doc.at("/components/responses/" + (status == 405 ? "MethodNotAllowed" : "NotFound"))
                : doc.path("paths").path(exchange.template()).path(exchange.method().toLowerCase()).path("responses")
                        .path(Integer.toString(status));
        String ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : doc.at(ref.substring(1));
    }

    /** The schema in the context of the whole description, so its {@code #/components/...} references resolve. */
    private List<String> validate(JsonNode schema, JsonNode body) {
        ObjectNode rooted = schema.deepCopy();
        rooted.set("components", doc.get("components"));
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(rooted).validate(body);
        return errors.stream().map(e -> e.toString() + " in " + body).toList();
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
