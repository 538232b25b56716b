package io.ctimw.core.control;

import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.Login;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an untrusted {@link ControlRequest} into a {@link ControlCommand} for one login, or says why
 * not. Unknown fields are refused (an agent cannot smuggle {@code login} or {@code rid} through), and a
 * cid must be a current call of that same login.
 */
public final class CommandValidator {
    private final CommandCatalog catalog;
    private final CallRegistry calls;

    public CommandValidator(CommandCatalog catalog, CallRegistry calls) {
        this.catalog = catalog;
        this.calls = calls;
    }

    /** Either the command to send, or the refusal ({@link ControlResult.Invalid} / {@link ControlResult.UnknownCall}). */
    public sealed interface Outcome {
        record Valid(ControlCommand command) implements Outcome {}

        record Refused(ControlResult result) implements Outcome {}
    }

    /** The catalog it validates against. */
    public CommandCatalog catalog() {
        return catalog;
    }

    /** Whether the catalog has a command of that name. */
    public boolean knows(String name) {
        return name != null && catalog.find(name).isPresent();
    }

    public Outcome validate(Login login, ControlRequest request) {
        Outcome shaped = shape(request);
        return shaped instanceof Outcome.Valid valid ? own(login, valid.command()) : shaped;
    }

    /** The catalog's checks only: a cid stays as the agent named it (a text), whoever's call it is. */
    public Outcome shape(ControlRequest request) {
        if (request.name() == null || request.name().isEmpty()) {
            return refuse("field 'name' is required: the command to send");
        }
        Optional<CommandSpec> found = catalog.find(request.name());
        if (found.isEmpty()) {
            return refuse("unknown command '" + printable(request.name()) + "'; known: "
                    + catalog.all().stream().map(CommandSpec::name).toList());
        }
        CommandSpec spec = found.get();
        List<String> problems = new ArrayList<>();
        for (String field : request.fields().keySet()) {
            if (spec.field(field).isEmpty()) {
                problems.add("field '" + printable(field) + "' is not allowed in " + spec.name()
                        + (field.equals("login") || field.equals("rid") ? " (the middleware sets it)" : ""));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields()) {
            Object value = request.fields().get(field.name());
            if (value == null) {
                if (field.required()) {
                    problems.add("field '" + field.name() + "' is required: " + field.type().expected());
                }
                continue;
            }
            Set<String> states = catalog.allowedStates(); // one reading per field: the setting may change meanwhile
            if (!field.type().accepts(value, states)) {
                String expected = field.type() == FieldType.USER_STATE
                        ? "one of " + states.stream().sorted().toList()
                        : field.type().expected();
                problems.add("field '" + field.name() + "' must be " + expected);
                continue;
            }
            if (field.type() == FieldType.CALL_ID) {
                values.put(field.name(), CallId.ofText(asKey(value)));
            } else {
                values.put(field.name(), value);
            }
        }
        if (!problems.isEmpty()) {
            return refuse(String.join("; ", problems));
        }
        return new Outcome.Valid(new ControlCommand(spec.name(), values));
    }

    /** Checks that a shaped command's cid is a current call of {@code login}, and gives it the CTI's type. */
    public Outcome own(Login login, ControlCommand shaped) {
        if (!(shaped.fields().get("cid") instanceof CallId cid)) {
            return new Outcome.Valid(shaped);
        }
        Optional<CallId> known = calls.find(login, cid.key());
        if (known.isEmpty()) {
            return new Outcome.Refused(new ControlResult.UnknownCall(cid.key()));
        }
        Map<String, Object> values = new LinkedHashMap<>(shaped.fields());
        values.put("cid", known.get()); // the CTI's own type for this call
        return new Outcome.Valid(new ControlCommand(shaped.name(), values));
    }

    private static String asKey(Object value) {
        if (value instanceof BigInteger b) {
            return b.toString();
        }
        return value.toString();
    }

    private static Outcome refuse(String detail) {
        return new Outcome.Refused(new ControlResult.Invalid(detail));
    }

    /** Echoes agent text in errors without letting it forge log lines or huge bodies. */
    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
