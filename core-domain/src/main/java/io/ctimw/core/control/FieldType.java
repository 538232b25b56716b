package io.ctimw.core.control;

import java.util.Set;
import java.util.regex.Pattern;

/** The JSON shapes a command field may take, with the checks an agent's value must pass. */
public enum FieldType {
    /** A call id: a JSON string or an integer; must then be a current call of the caller. */
    CALL_ID("a call id (a string of 1-128 printable characters, or an integer)"),
    /** Bool, as {@code on} in Hold and Mute. */
    BOOLEAN("true or false"),
    /** A phone number or URI. */
    PHONE_NUMBER("a phone number or URI (1-128 characters: letters, digits, + * # @ . : ; = _ -)"),
    /** DTMF digits: 0-9, *, # and ! (flash). */
    DTMF("1-64 DTMF characters (0-9, *, #, !)"),
    /** An operator state from the configured allow-list. */
    USER_STATE("one of the allowed states"),
    /** Short free text such as a state reason or a call parameter name. */
    TEXT("a non-empty string of at most 256 characters"),
    /** A call parameter value. */
    LONG_TEXT("a string of at most 4096 characters");

    private static final Pattern PHONE = Pattern.compile("[A-Za-z0-9+*#@.:;=_-]{1,128}");
    private static final Pattern DTMF_CHARS = Pattern.compile("[0-9*#!]{1,64}");

    private final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }

    /** Whether {@code value} (a JSON value as plain Java: String, Boolean, Number) fits. */
    public boolean accepts(Object value, Set<String> allowedStates) {
        return switch (this) {
            case CALL_ID -> value instanceof String s ? !s.isEmpty() && s.length() <= 128 && noControl(s) : isInteger(value);
            case BOOLEAN -> value instanceof Boolean;
            case PHONE_NUMBER -> value instanceof String s && PHONE.matcher(s).matches();
            case DTMF -> value instanceof String s && DTMF_CHARS.matcher(s).matches();
            case USER_STATE -> value instanceof String s && allowedStates.contains(s);
            case TEXT -> value instanceof String s && !s.isBlank() && s.length() <= 256 && noControl(s);
            case LONG_TEXT -> value instanceof String s && s.length() <= 4096;
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger b && b.bitLength() < 64;
    }

    private static boolean noControl(String s) {
        return s.chars().noneMatch(Character::isISOControl);
    }
}
