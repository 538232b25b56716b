package io.ctimw.core.testing;

import io.ctimw.core.port.out.StoreUnavailableException;

/** The "database is down" switch shared by the in-memory stores. */
final class StoreOutage {
    private final String storeName;
    private volatile boolean available = true;

    StoreOutage(String storeName) {
        this.storeName = storeName;
    }

    void setAvailable(boolean available) {
        this.available = available;
    }

    void check() {
        if (!available) {
            throw new StoreUnavailableException(storeName + " is switched off by the test", null);
        }
    }
}
