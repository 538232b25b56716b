package io.ctimw.bench.chaos.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded generator of hostile requests: mutated and random bodies, bent headers, bent query strings,
 * broken request lines and gzip tricks. The same seed gives the same requests, so a 500 found here can be
 * replayed. Each request is complete as sent (lengths are declared honestly unless the lie is the point and
 * is one the server can see at once), so a missing answer means the server chose not to answer.
 */
public final class MalformedRequests {
    /** The kinds of damage, in the order {@link #next()} picks them round-robin. */
    public static final List<String> KINDS = List.of("mutated command body", "mutated login body", "random body",
            "bent headers", "bent query", "broken request line", "gzip tricks");

    private static final List<String> COMMANDS = List.of("{\"name\":\"Answer\",\"cid\":12}", "{\"name\":\"GetCalls\"}",
            "{\"name\":\"Hold\",\"cid\":\"c-1\",\"on\":true}", "{\"name\":\"ChangeUserState\",\"state\":\"away\",\"reason\":\"x\"}",
            "{\"name\":\"SetCallParam\",\"cid\":3,\"paramName\":\"p\",\"paramValue\":\"v\"}",
            "{\"name\":\"SendDTMFSignal\",\"cid\":4,\"DTMFString\":\"12*#\"}", "{\"name\":\"MakeCall\",\"phoneNumber\":\"+7900\"}");
    private static final String[] INSERTS = {"\u0000", "\\u0000", "\\ud800", "\\udc00x", "\\uZZZZ", "\"", "\\", "{", "}", "[",
            "]", ",", ":", "null", "1e99999", "-0", "NaN", "\"login\":\"shared-2\",", "\"rid\":\"1\",", "\"name\":\"GetCalls\",",
            "\u00ff", "\ud83d\ude00", "\t", "\r\n", "/*", "//", "'", "true"};
    private static final String[] VALUES = {"", "-1", "+1", "0", "00", "1.5", "1e3", " 1", "1 ", "%00", "%ZZ", "%", "%u0041",
            "99999999999999999999", "61", "1001", "abc", "%E2%80%8B1", "%C0%80", "%ED%A0%80", "1%00", "0x10", "\u0661"};
    private static final String[] HEADERS = {"Content-Type: text/plain", "Content-Type: application/json; charset=latin1",
            "Content-Type: application/json; charset=utf-16", "Content-Type: application/json; charset=\"utf-8\"",
            "Content-Type: application/json;;;", "Content-Type: application/jsonx", "Content-Type:", "Content-Encoding: deflate",
            "Content-Encoding: br", "Content-Encoding: gzip, gzip", "Content-Encoding: identity", "Authorization: Bearer",
            "Authorization: Bearer  x", "Authorization: Basic YTpi", "Authorization: bearer %s", "Authorization: Bearer %s%s",
            "Cookie: ctimw_session=%s; ctimw_session=x", "Cookie: ctimw_session=", "X-HTTP-Method-Override: DELETE",
            "X-Method-Override: PUT", "Expect: 100-continue", "Expect: teapot", "Accept-Encoding: gzip;q=2, *;q=-1",
            "Range: bytes=0-1", "Content-Length: abc", "Content-Length: -1", "Content-Length: 99999999999999999999",
            "Transfer-Encoding: chunked, identity", "Transfer-Encoding: xchunked", "Host:", "Host: a\r\nHost: b",
            "Bad Header: x", "NoColon", "X-Fold: a\r\n b", "X-Nul: a\u0000b", "X-Long: %L", "Connection: upgrade\r\nUpgrade: h2c"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get",
            "G\u00c9T", "", "POST POST", "PRI"};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/3", "HTTP/0.9", "http/1.1",
            "HTTP/1.1x", "", "HTTP/11", "HTTP/1.1 extra"};
    // No /api/v1/logout: it would end the fuzzer's own session and leave the rest to be refused with 401.
    private static final String[] PATHS = {"/api/v1/events", "/api/v1/control", "/api/v1/login", "/api/v1/session",
            "/health", "/ready", "/api/v1/../health", "//api/v1/events", "/api/v1/%2e%2e/ready", "/API/V1/EVENTS",
            "/api/v1/events/", "/api/v1/events;x=1", "*", "http://evil/api/v1/events", "/api/v1/\u00e9", "/%00", "/api/v2/events",
            "/api/v1/events#frag"};

    private final Random random;
    private final String token;
    private long count;

    public MalformedRequests(long seed, String token) {
        this.random = new Random(seed);
        this.token = token;
    }

    /** The kind of the request {@link #next()} returns next. */
    public String nextKind() {
        return KINDS.get((int) (count % KINDS.size()));
    }

    public byte[] next() {
        int kind = (int) (count++ % KINDS.size());
        return switch (kind) {
            case 0 -> post("/api/v1/control", mutate(pick(COMMANDS)), "Content-Type: application/json");
            case 1 -> post("/api/v1/login", mutate("{\"login\":\"shared-1\",\"password\":\"chaos-password\"}"),
                    "Content-Type: application/json");
            case 2 -> post(pick(List.of("/api/v1/control", "/api/v1/login")), randomBytes(2000),
                    random.nextBoolean() ? "Content-Type: application/json" : "Content-Type: application/json; charset=utf-8");
            case 3 -> bentHeaders();
            case 4 -> get("/api/v1/events?" + bentQuery(), "");
            case 5 -> requestLine();
            default -> gzipTrick();
        };
    }

    private byte[] mutate(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(5)) {
                case 0 -> splice(bytes, at, 0, pickArray(INSERTS).getBytes(StandardCharsets.UTF_8));
                case 1 -> splice(bytes, at, Math.min(1 + random.nextInt(4), bytes.length - at), new byte[0]);
                case 2 -> splice(bytes, at, Math.min(1, bytes.length - at), new byte[] {(byte) random.nextInt(256)});
                case 3 -> java.util.Arrays.copyOf(bytes, at);
                default -> nest(bytes, 1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 20));
            };
        }
        return bytes;
    }

    private byte[] nest(byte[] inner, int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + new String(inner, StandardCharsets.UTF_8) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bentHeaders() {
        StringBuilder extra = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String h = pickArray(HEADERS).replace("%L", "x".repeat(random.nextBoolean() ? 9000 : 70_000));
            extra.append(h.replace("%s", token)).append("\r\n");
        }
        boolean post = random.nextBoolean();
        String body = "{\"name\":\"GetUserState\"}";
        return post ? post("/api/v1/control", body.getBytes(StandardCharsets.UTF_8), extra.toString().trim())
                : get("/api/v1/session", extra.toString());
    }

    private String bentQuery() {
        String[] names = {"after", "wait", "limit", "login", "after[]", "", "AFTER", "wait\u0000"};
        StringBuilder q = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append(random.nextInt(8) == 0 ? ";" : "&");
            }
            q.append(pickArray(names)).append(random.nextInt(10) == 0 ? "" : "=").append(pickArray(VALUES));
        }
        return q.toString();
    }

    private byte[] requestLine() {
        String path = pickArray(PATHS);
        if (random.nextInt(10) == 0) {
            path = "/" + "a".repeat(20_000);
        }
        String line = pickArray(METHODS) + " " + path + " " + pickArray(VERSIONS);
        return (line + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] gzipTrick() {
        byte[] json = mutate(pick(COMMANDS));
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> gzip(json);
            case 1 -> java.util.Arrays.copyOf(gzip(json), Math.max(1, gzip(json).length / 2));
            case 2 -> gzip(("{\"name\":\"GetCalls\",\"pad\":\"" + " ".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
            default -> randomBytes(300);
        };
        return post("/api/v1/control", body, "Content-Type: application/json\r\nContent-Encoding: gzip");
    }

    private byte[] post(String path, byte[] body, String headers) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + headers + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), body);
    }

    private byte[] get(String target, String extraHeaders) {
        String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + extraHeaders + (extraHeaders.isEmpty() || extraHeaders.endsWith("\r\n") ? "" : "\r\n")
                + "Connection: close\r\n\r\n";
        return head.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String pickArray(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
