package io.ctimw.simulator;

/** A command the simulated API refuses; its message becomes the Error reply's description. */
final class Rejected extends Exception {
    Rejected(String description) {
        super(description, null, false, false);
    }
}
