package io.ctimw.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a simulator's configuration; every setting has a default fit for tests. */
public final class CtiSimulatorBuilder {
    private String host = "127.0.0.1";
    private int port;
    private final List<String> operators = new ArrayList<>();
    private boolean cidAsNumber;
    private Duration makeCallConnectDelay = Duration.ofMillis(100);
    private String unreachableNumber = "000";
    private Set<String> allowedStates = new LinkedHashSet<>(
            List.of("normal", "away", "dnd", "custom1", "custom2", "custom3"));
    private Clock clock = Clock.systemUTC();

    CtiSimulatorBuilder() {
    }

    /** The address to bind; default 127.0.0.1. */
    public CtiSimulatorBuilder host(String host) {
        this.host = host;
        return this;
    }

    /** The port to bind; default 0, a random free port (read it back with {@link CtiSimulator#port()}). */
    public CtiSimulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Known operator logins (adds to any given before); their phones start in state {@code normal}. */
    public CtiSimulatorBuilder operators(String... logins) {
        operators.addAll(List.of(logins));
        return this;
    }

    public CtiSimulatorBuilder operators(List<String> logins) {
        operators.addAll(logins);
        return this;
    }

    /** Send and expect {@code cid} as JSON numbers instead of strings (default false). */
    public CtiSimulatorBuilder cidAsNumber(boolean numbers) {
        this.cidAsNumber = numbers;
        return this;
    }

    /** How long after MakeCall the far end answers (CallStatus connected); default 100 ms. */
    public CtiSimulatorBuilder makeCallConnectDelay(Duration delay) {
        this.makeCallConnectDelay = delay;
        return this;
    }

    /** Transfers to this number fail with TransferFailed status "10"; default "000". */
    public CtiSimulatorBuilder unreachableNumber(String number) {
        this.unreachableNumber = number;
        return this;
    }

    /** The states ChangeUserState accepts; default normal, away, dnd, custom1..custom3. */
    public CtiSimulatorBuilder allowedStates(String... states) {
        this.allowedStates = new LinkedHashSet<>(List.of(states));
        return this;
    }

    /** The clock for UserState.time and call times (Unix seconds); default the system UTC clock. */
    public CtiSimulatorBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public CtiSimulator build() {
        return new CtiSimulator(new SimulatorSettings(host, port, operators, cidAsNumber, makeCallConnectDelay,
                unreachableNumber, allowedStates, clock));
    }
}
