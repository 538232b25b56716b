package io.ctimw.app.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Turns an error response into a ProblemException, whether or not the body is RFC 9457 problem+json. */
final class ProblemParser {
    private ProblemParser() {
    }

    static ProblemException parse(ObjectMapper json, HttpResponse<?> response, byte[] body) {
        int status = response.statusCode();
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        JsonNode problem = tryJson(json, body);
        if (problem != null && problem.isObject()) {
            return new ProblemException(status, text(problem, "title", defaultTitle(status)),
                    text(problem, "detail", null), text(problem, "ctiDescription", null), retryAfter);
        }
        // Proxies and crashed servers send HTML or plain text: keep a short first line of it.
        String plain = new String(body, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        return new ProblemException(status, defaultTitle(status),
                plain.isEmpty() ? null : plain.substring(0, Math.min(200, plain.length())), null, retryAfter);
    }

    private static JsonNode tryJson(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String defaultTitle(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
