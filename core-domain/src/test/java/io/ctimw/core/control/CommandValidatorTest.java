package io.ctimw.core.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Login;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog check: names, required and unknown fields, JSON types, and the caller's own calls only. */
class CommandValidatorTest {
    private static final Login AGENT = new Login("agent1");
    private static final Login OTHER = new Login("agent2");
    private final CallRegistry calls = new CallRegistry();
    private final CommandValidator validator =
            new CommandValidator(CommandCatalog.standard(CommandCatalog.DEFAULT_ALLOWED_STATES), calls);

    private CommandValidator.Outcome validate(String name, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return validator.validate(AGENT, new ControlRequest(name, fields));
    }

    private static String invalid(CommandValidator.Outcome outcome) {
        CommandValidator.Outcome.Refused refused = assertInstanceOf(CommandValidator.Outcome.Refused.class, outcome);
        return assertInstanceOf(ControlResult.Invalid.class, refused.result()).detail();
    }

    private static Map<String, Object> valid(CommandValidator.Outcome outcome) {
        return assertInstanceOf(CommandValidator.Outcome.Valid.class, outcome).command().fields();
    }

    @Test
    void aMissingOrUnknownNameIsRefused() {
        assertTrue(invalid(validate(null)).contains("'name' is required"));
        assertTrue(invalid(validate("")).contains("'name' is required"));
        assertTrue(invalid(validate("Reboot")).startsWith("unknown command 'Reboot'; known: [Answer, Hangup"));
        assertTrue(invalid(validate("Bad\nName")).contains("'Bad?Name'"), "control characters are not echoed");
    }

    @Test
    void theMiddlewaresOwnFieldsCannotBeSmuggledIn() {
        String detail = invalid(validate("GetCalls", "login", "agent2", "rid", 5, "extra", 1));
        assertTrue(detail.contains("field 'login' is not allowed in GetCalls (the middleware sets it)"), detail);
        assertTrue(detail.contains("field 'rid' is not allowed in GetCalls (the middleware sets it)"), detail);
        assertTrue(detail.contains("field 'extra' is not allowed in GetCalls"), detail);
    }

    @Test
    void requiredFieldsAndTypesAreChecked() {
        assertEquals("field 'phoneNumber' is required: " + FieldType.PHONE_NUMBER.expected(), invalid(validate("MakeCall")));
        assertEquals("field 'phoneNumber' must be " + FieldType.PHONE_NUMBER.expected(),
                invalid(validate("MakeCall", "phoneNumber", "12 34")));
        assertTrue(invalid(validate("Hold", "cid", "1", "on", "yes")).contains("field 'on' must be true or false"));
        assertTrue(invalid(validate("SendDTMFSignal", "cid", "1", "DTMFString", "12a")).contains("'DTMFString' must be"));
        assertTrue(invalid(validate("Answer", "cid", 1.5)).contains("field 'cid' must be a call id"));
        assertTrue(invalid(validate("Answer", "cid", BigInteger.TWO.pow(64))).contains("field 'cid' must be"));
        assertEquals("field 'state' must be one of [away, custom1, custom2, custom3, dnd, normal]",
                invalid(validate("ChangeUserState", "state", "offline")));
    }

    @Test
    void aValidCommandKeepsItsFieldsInTheCatalogsOrder() {
        Map<String, Object> fields = valid(validate("ChangeUserState", "reason", "lunch", "state", "away"));
        assertEquals(List.of("state", "reason"), List.copyOf(fields.keySet()));
        assertEquals(Map.of("phoneNumber", "+7495"),
                valid(validate("MakeCall", "phoneNumber", "+7495")));
    }

    @Test
    void aCidMustBeACurrentCallOfTheCallerAndIsSentInTheCtisType() {
        calls.replace(AGENT, List.of(CallId.ofNumber(7)));
        calls.replace(OTHER, List.of(CallId.ofText("9")));
        assertEquals(CallId.ofNumber(7), valid(validate("Answer", "cid", "7")).get("cid"));
        assertEquals(CallId.ofNumber(7), valid(validate("Answer", "cid", 7)).get("cid"));
        CommandValidator.Outcome theirs = validate("Answer", "cid", "9");
        ControlResult result = assertInstanceOf(CommandValidator.Outcome.Refused.class, theirs).result();
        assertEquals(new ControlResult.UnknownCall("9"), result);
    }
}
