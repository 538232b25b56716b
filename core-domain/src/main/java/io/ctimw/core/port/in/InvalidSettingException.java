package io.ctimw.core.port.in;

/** A settings change named a setting that cannot be changed at run time, or gave it a value it cannot take. */
public final class InvalidSettingException extends RuntimeException {
    private final String setting;

    public InvalidSettingException(String setting, String reason) {
        super(setting + ": " + reason, null, false, false);
        this.setting = setting;
    }

    /** The setting at fault, as the client named it. */
    public String setting() {
        return setting;
    }
}
