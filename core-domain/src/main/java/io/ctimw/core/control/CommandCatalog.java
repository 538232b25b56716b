package io.ctimw.core.control;

import static io.ctimw.core.control.FieldSpec.optional;
import static io.ctimw.core.control.FieldSpec.required;
import static io.ctimw.core.control.FieldType.BOOLEAN;
import static io.ctimw.core.control.FieldType.CALL_ID;
import static io.ctimw.core.control.FieldType.DTMF;
import static io.ctimw.core.control.FieldType.LONG_TEXT;
import static io.ctimw.core.control.FieldType.PHONE_NUMBER;
import static io.ctimw.core.control.FieldType.TEXT;
import static io.ctimw.core.control.FieldType.USER_STATE;

import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The commands agents may relay to the CTI, as data. Adding a protocol command is one line here.
 * {@code allowedStates} is the configurable list of states {@code ChangeUserState} may set; it is read on
 * every validation, so a changed setting applies to the next request.
 */
public final class CommandCatalog {
    public static final Set<String> DEFAULT_ALLOWED_STATES =
            Set.of("normal", "away", "dnd", "custom1", "custom2", "custom3");

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
    private final Supplier<Set<String>> allowedStates;

    public CommandCatalog(List<CommandSpec> commands, Set<String> allowedStates) {
        this(commands, constant(allowedStates));
    }

    public CommandCatalog(List<CommandSpec> commands, Supplier<Set<String>> allowedStates) {
        commands.forEach(c -> specs.put(c.name(), c));
        this.allowedStates = allowedStates;
    }

    /** The commands of protocol 13 that agents need. */
    public static CommandCatalog standard(Set<String> allowedStates) {
        return standard(constant(allowedStates));
    }

    private static Supplier<Set<String>> constant(Set<String> states) {
        Set<String> copy = Set.copyOf(states);
        return () -> copy;
    }

    /** The commands of protocol 13 that agents need, with the allowed states read live. */
    public static CommandCatalog standard(Supplier<Set<String>> allowedStates) {
        return new CommandCatalog(List.of(
                CommandSpec.of("Answer", required("cid", CALL_ID)),
                CommandSpec.of("Hangup", required("cid", CALL_ID)),
                CommandSpec.of("Hold", required("cid", CALL_ID), required("on", BOOLEAN)),
                CommandSpec.of("Mute", required("cid", CALL_ID), required("on", BOOLEAN)),
                CommandSpec.of("Close", required("cid", CALL_ID)),
                CommandSpec.of("MakeCall", required("phoneNumber", PHONE_NUMBER)),
                CommandSpec.of("Transfer", required("cid", CALL_ID), required("phoneNumber", PHONE_NUMBER)),
                CommandSpec.of("ConsultationTransfer", required("cid", CALL_ID), required("phoneNumber", PHONE_NUMBER)),
                CommandSpec.of("ConferenceTransfer", required("cid", CALL_ID), required("phoneNumber", PHONE_NUMBER)),
                CommandSpec.of("TransferWithCallBack", required("cid", CALL_ID), required("phoneNumber", PHONE_NUMBER)),
                CommandSpec.of("BreakTransfer", required("cid", CALL_ID)),
                CommandSpec.of("FinishConferenceTransfer", required("cid", CALL_ID)),
                CommandSpec.of("SendDTMFSignal", required("cid", CALL_ID), required("DTMFString", DTMF)),
                CommandSpec.of("SetActive", required("cid", CALL_ID)),
                CommandSpec.of("SetCallParam", required("cid", CALL_ID), required("paramName", TEXT),
                        required("paramValue", LONG_TEXT)),
                CommandSpec.of("ChangeUserState", required("state", USER_STATE), optional("reason", TEXT)),
                CommandSpec.of("GetCalls"),
                CommandSpec.of("GetUserState")), allowedStates);
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** @throws IllegalArgumentException naming the first grant whose command is not in the catalog */
    public Grants requireKnown(Grants grants) {
        for (Grant grant : grants.values()) {
            if (grant.command() != null && !specs.containsKey(grant.command())) {
                throw new IllegalArgumentException("grant " + grant + " names no command of the catalog; known: "
                        + specs.keySet());
            }
        }
        return grants;
    }

    public Collection<CommandSpec> all() {
        return specs.values();
    }

    public Set<String> names() {
        return Set.copyOf(specs.keySet());
    }

    public Set<String> allowedStates() {
        return allowedStates.get();
    }

    /** What a user with this role and these grants may send: covered commands in catalog order, settable states. */
    public Entitlements entitlements(Role role, Grants grants) {
        List<String> commands = specs.keySet().stream().filter(name -> grants.covers(Grant.control(name))).toList();
        List<String> states = commands.contains("ChangeUserState")
                ? allowedStates.get().stream().sorted().toList() : List.of();
        return new Entitlements(role, grants, commands, states);
    }
}
