package io.ctimw.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The fixed configuration of one simulator instance, as collected by {@link CtiSimulatorBuilder}. */
record SimulatorSettings(String host, int port, List<String> operators, boolean cidAsNumber,
                         Duration makeCallConnectDelay, String unreachableNumber, Set<String> allowedStates,
                         Clock clock) {
    SimulatorSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        operators = List.copyOf(operators);
        Objects.requireNonNull(makeCallConnectDelay, "makeCallConnectDelay");
        Objects.requireNonNull(unreachableNumber, "unreachableNumber");
        allowedStates = Set.copyOf(allowedStates);
        Objects.requireNonNull(clock, "clock");
    }
}
