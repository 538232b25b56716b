package io.ctimw.core.testing;

import io.ctimw.core.port.out.SettingStore;
import io.ctimw.core.settings.UnsavedSettingStore;

/** Runs the {@link SettingStoreContract} against the in-memory store. */
class UnsavedSettingStoreTest extends SettingStoreContract {
    @Override
    protected SettingStore newEmptyStore() {
        return new UnsavedSettingStore();
    }
}
