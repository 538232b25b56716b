package io.ctimw.core.port.in;

import io.ctimw.core.model.Session;
import java.util.List;
import java.util.Map;

/**
 * Administrators reading and changing the settings that apply without a restart. Values travel in their
 * JSON shapes: a string (durations such as {@code "15m"}), an integer, or a list of strings.
 */
public interface SettingsUseCase {
    /** One setting: its value now, the config file's value, and whether a stored value overrides the file's. */
    record SettingView(String name, Object value, Object fileValue, boolean stored) {}

    /** @throws AccessDeniedException unless the caller is an administrator */
    List<SettingView> settings(Session caller);

    /**
     * Applies every change or none: stored, in effect at once, audited. A null value drops the stored value,
     * so the config file's applies again.
     * @throws InvalidSettingException naming the first unknown setting or invalid value (nothing is changed)
     * @throws AccessDeniedException unless the caller is an administrator
     */
    List<SettingView> change(Session caller, Map<String, Object> changes);
}
