package io.ctimw.app.agent.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;

/** A positional argument kind: its placeholder in help, the CTI field it fills, and how it is encoded. */
public enum Arg {
    LOGIN("LOGIN", null),
    CID("CID", "cid"),
    NUMBER("NUMBER", "phoneNumber"),
    DIGITS("DIGITS", "DTMFString"),
    PARAM_NAME("NAME", "paramName"),
    PARAM_VALUE("VALUE", "paramValue"),
    STATE("STATE", "state");

    private final String placeholder;
    private final String field;

    Arg(String placeholder, String field) {
        this.placeholder = placeholder;
        this.field = field;
    }

    public String placeholder() {
        return placeholder;
    }

    /** The control command's JSON field this argument fills (null for arguments that are not sent). */
    public String field() {
        return field;
    }

    /**
     * The JSON value to send. A CID of digits only goes as a number, because the CTI may have sent it as
     * one and compares by JSON type; a leading zero or more than 18 digits would not survive a number.
     */
    public ValueNode toJson(String text) {
        if (this == CID && text.matches("0|[1-9]\\d{0,17}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
