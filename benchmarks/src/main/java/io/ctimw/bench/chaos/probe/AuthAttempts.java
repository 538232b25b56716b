package io.ctimw.bench.chaos.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The auth matrix's attempts, as data: what an agent (A) tries against another (B). Each attempt says
 * how its answer would betray a leak; the journal of frames that reached the CTI is checked apart.
 */
final class AuthAttempts {
    /** How an answer shows a leak. */
    enum Leak {
        /** Any 2xx is a leak (the request must be refused). */
        ANY_SUCCESS,
        /** A 2xx whose body names the victim is a leak; refusals and own-data answers are fine. */
        VICTIM_IN_BODY,
        /** A 2xx is a leak unless it is a session of the attacker's own, exactly spelled login. */
        NOT_ATTACKER,
        /** Only what reached the CTI can tell (checked through the simulator's journal). */
        JOURNAL_ONLY
    }

    /** One request: method, path, body (null for GET), the bearer token and cookie to send (null: none). */
    record Attempt(String group, String label, String method, String path, String body, String bearer, String cookie,
                   Leak leak) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CID_COMMANDS = List.of("Answer", "Hangup", "Hold", "Mute", "Close", "SetActive",
            "BreakTransfer", "Transfer", "SendDTMFSignal", "SetCallParam");

    private AuthAttempts() {
    }

    /**
     * @param numericCid B's call with a numeric cid; {@code stringCid} B's call with a string cid
     * @param goneToken  a token of B that was logged out
     */
    static List<Attempt> all(String tokenA, String tokenB, String goneToken, long numericCid, String stringCid,
                             String victim, String attacker, String attackerPassword, Object ownCid) {
        List<Attempt> out = new ArrayList<>();
        List<String> cids = List.of(Long.toString(numericCid), "\"" + numericCid + "\"", numericCid + ".0", numericCid + "e0",
                "\"0" + numericCid + "\"", "\" " + numericCid + "\"", "\"" + stringCid + "\"", "\"" + stringCid.toUpperCase() + "\"",
                "\"" + stringCid + " \"", "\"" + stringCid + "\\u0000\"", "[\"" + stringCid + "\"]", "{\"cid\":" + numericCid + "}");
        for (String command : CID_COMMANDS) {
            for (String cid : cids) {
                out.add(control("other agent's cid", command + " cid=" + cid, "{\"name\":\"" + command + "\",\"cid\":" + cid
                        + extraFields(command) + "}", tokenA, Leak.ANY_SUCCESS));
            }
        }
        String own = ownCid instanceof Number ? ownCid.toString() : "\"" + ownCid + "\"";
        for (String smuggled : List.of("\"login\":\"" + victim + "\"", "\"rid\":\"smuggled-1\"", "\"\\u006cogin\":\"" + victim + "\"",
                "\"Login\":\"" + victim + "\"", "\"LOGIN\":\"" + victim + "\"", "\"login \":\"" + victim + "\"",
                "\"l\u043egin\":\"" + victim + "\"", "\"login\":\"" + attacker + "\",\"login\":\"" + victim + "\"",
                "\"params\":{\"login\":\"" + victim + "\"}", "\"login\":[\"" + victim + "\"]")) {
            for (String body : List.of("{\"name\":\"GetCalls\"," + smuggled + "}", "{\"name\":\"GetUserState\"," + smuggled + "}",
                    "{" + smuggled + ",\"name\":\"ChangeUserState\",\"state\":\"away\"}",
                    "{\"name\":\"Hold\",\"cid\":" + own + ",\"on\":true," + smuggled + "}")) {
                out.add(control("login/rid smuggled in the body", body, body, tokenA, Leak.JOURNAL_ONLY));
            }
        }
        for (String body : List.of("{\"name\":\"AttachToUser\",\"login\":\"" + victim + "\"}", "{\"name\":\"DetachFromUser\"}",
                "{\"name\":\"SetProtocolVersion\",\"version\":\"13\"}", "{\"name\":\"GetCalls\\u0000\",\"login\":\"" + victim + "\"}")) {
            out.add(control("protocol commands", body, body, tokenA, Leak.ANY_SUCCESS));
        }
        out.add(new Attempt("query smuggling", "control?login=", "POST", "/api/v1/control?login=" + victim,
                "{\"name\":\"GetCalls\"}", tokenA, null, Leak.VICTIM_IN_BODY));
        out.add(new Attempt("query smuggling", "events?login=", "GET", "/api/v1/events?after=0&login=" + victim, null, tokenA,
                null, Leak.VICTIM_IN_BODY));
        out.add(new Attempt("query smuggling", "events?after=0", "GET", "/api/v1/events?after=0&limit=1000", null, tokenA, null,
                Leak.VICTIM_IN_BODY));
        for (String look : List.of(victim.toUpperCase(), Character.toUpperCase(victim.charAt(0)) + victim.substring(1),
                victim + " ", " " + victim, victim + "\t", victim + "\u0000", "\u0430" + victim.substring(1),
                victim.replace('-', '\u2010'), victim + "\u200b", victim + "%00", attacker + " ", attacker.toUpperCase())) {
            // With A's own password: A may only ever become A, spelled exactly (the CTI compares logins as text).
            ObjectNode body = JSON.createObjectNode().put("login", look).put("password", attackerPassword);
            out.add(new Attempt("login look-alike", "login " + JSON.valueToTree(look), "POST", "/api/v1/login",
                    body.toString(), null, null, Leak.NOT_ATTACKER));
        }
        List<String> altered = List.of(flip(tokenB, tokenB.length() - 1), flip(tokenB, 0), flip(tokenB, tokenB.length() / 2),
                tokenB.toUpperCase(), tokenB + "=", tokenB + "x", tokenB.substring(0, tokenB.length() - 1), tokenB + tokenB,
                goneToken);
        for (String token : altered) {
            String label = token.equals(goneToken) ? "logged-out token" : "altered token";
            out.add(new Attempt(label, "bearer GET /session", "GET", "/api/v1/session", null, token, null, Leak.ANY_SUCCESS));
            out.add(new Attempt(label, "cookie GET /events", "GET", "/api/v1/events?after=0", null, null, token, Leak.ANY_SUCCESS));
            out.add(control(label, "bearer GetCalls", "{\"name\":\"GetCalls\"}", token, Leak.ANY_SUCCESS));
        }
        out.add(new Attempt("swapped cookies", "bearer A + cookie B", "GET", "/api/v1/session", null, tokenA, tokenB,
                Leak.VICTIM_IN_BODY));
        out.add(new Attempt("swapped cookies", "bearer A + cookie B, GetCalls", "POST", "/api/v1/control", "{\"name\":\"GetCalls\"}",
                tokenA, tokenB, Leak.VICTIM_IN_BODY));
        out.add(new Attempt("swapped cookies", "bearer altered-B + cookie A", "GET", "/api/v1/session", null, flip(tokenB, 3),
                tokenA, Leak.VICTIM_IN_BODY));
        out.add(new Attempt("swapped cookies", "cookie A; cookie gone-B", "GET", "/api/v1/session", null, null,
                tokenA + "; ctimw_session=" + goneToken, Leak.VICTIM_IN_BODY));
        return out;
    }

    private static Attempt control(String group, String label, String body, String token, Leak leak) {
        return new Attempt(group, label, "POST", "/api/v1/control", body, token, null, leak);
    }

    private static String extraFields(String command) {
        return switch (command) {
            case "Hold", "Mute" -> ",\"on\":true";
            case "Transfer" -> ",\"phoneNumber\":\"+79990000000\"";
            case "SendDTMFSignal" -> ",\"DTMFString\":\"1\"";
            case "SetCallParam" -> ",\"paramName\":\"p\",\"paramValue\":\"v\"";
            default -> "";
        };
    }

    /** The token with one character changed (to another character of the same alphabet when possible). */
    static String flip(String token, int at) {
        char c = token.charAt(at);
        char replacement = c == 'A' ? 'B' : c == '0' ? '1' : c == 'a' ? 'b' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }
}
