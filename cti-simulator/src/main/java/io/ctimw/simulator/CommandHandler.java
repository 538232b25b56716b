package io.ctimw.simulator;

/**
 * Executes one named command. Implementations validate everything before replying, so that a
 * rejected command gets exactly one Error and no events.
 */
@FunctionalInterface
interface CommandHandler {
    void handle(CommandContext ctx) throws Rejected;
}
