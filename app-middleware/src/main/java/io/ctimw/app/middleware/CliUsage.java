package io.ctimw.app.middleware;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import com.beust.jcommander.Parameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The help texts and the up-front check of the words: each level ({@code users}, {@code users add})
 * shows only its own options with placeholders and what is required, and a mistyped word is named
 * together with the nearest valid one.
 */
final class CliUsage {
    static final String PROGRAM = "cti-middleware";
    private static final Map<String, String> PLACEHOLDERS = Map.of("--config", "FILE", "--login", "LOGIN", "--role", "ROLE");

    private CliUsage() {
    }

    /** {@code --help}: a short overview, not every option of every command. */
    static String overview() {
        return """
                Usage: %1$s [serve] [--config FILE]      run the middleware (serve is the default)
                       %1$s users COMMAND [options]      administer user accounts
                       %1$s --version | --help

                Options:
                  --config FILE   HOCON settings over the defaults (every setting: conf/middleware.conf)
                  -V, --version   print the version and the commit it was built from
                  -h, --help      show this help

                '%1$s users --help' lists the account commands: add, passwd, disable, enable, set-role, list.
                """.formatted(PROGRAM);
    }

    /** Help for one level: {@code path} is e.g. ["users"] or ["users", "add"]. */
    static String help(JCommander level, List<String> path) {
        String name = String.join(" ", path);
        StringBuilder text = new StringBuilder("Usage: ").append(PROGRAM).append(' ').append(name);
        if (!level.getCommands().isEmpty()) {
            text.append(" COMMAND");
        }
        for (ParameterDescription p : options(level)) {
            text.append(p.getParameter().required() ? " " : " [").append(synopsis(p))
                    .append(p.getParameter().required() ? "" : "]");
        }
        text.append("\n\n").append(capitalised(description(level))).append('\n');
        if (!level.getCommands().isEmpty()) {
            text.append("\nCommands:\n");
            level.getCommands().forEach((command, sub) -> text.append(String.format("  %-10s %s%n", command,
                    description(sub))));
        }
        text.append("\nOptions:\n");
        for (ParameterDescription p : options(level)) {
            text.append(String.format("  %-20s %-9s %s%n", synopsis(p), p.getParameter().required() ? "required" : "",
                    p.getDescription()));
        }
        text.append(String.format("  %-20s %-9s %s%n", "-h, --help", "", "show this help"));
        if (!level.getCommands().isEmpty()) {
            text.append("\n'").append(PROGRAM).append(' ').append(name).append(" COMMAND --help' shows a command's options.\n");
        }
        return text.toString();
    }

    /**
     * Checks every word against the level it is typed at, before JCommander sees it; returns the
     * complaint (naming the word and the nearest valid one) or empty.
     */
    static Optional<String> check(JCommander root, String[] args) {
        JCommander level = root;
        String where = PROGRAM;
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (word.startsWith("-")) {
                Optional<ParameterDescription> known = find(level, option);
                if (known.isEmpty()) {
                    return Optional.of("unknown option " + option + " for " + where + nearest(option, names(level)));
                }
                if (known.get().getParameterized().getType() != boolean.class && !word.contains("=")) {
                    i++; // its value
                }
            } else if (level.getCommands().containsKey(word)) {
                level = level.getCommands().get(word);
                where = where + " " + word;
            } else if (!level.getCommands().isEmpty()) {
                return Optional.of("unknown command '" + word + "' for " + where
                        + nearest(word, List.copyOf(level.getCommands().keySet())));
            } else {
                return Optional.of("unexpected word '" + word + "' for " + where);
            }
        }
        return Optional.empty();
    }

    /** JCommander describes a level's options only once it parsed it; help and check need them before. */
    static void describe(JCommander level) {
        level.createDescriptions();
        level.getCommands().values().forEach(CliUsage::describe);
    }

    private static String description(JCommander level) {
        Parameters p = level.getObjects().get(0).getClass().getAnnotation(Parameters.class);
        return p == null ? "" : p.commandDescription();
    }

    private static List<ParameterDescription> options(JCommander level) {
        return level.getParameters().stream().filter(p -> !p.isHelp())
                .sorted(Comparator.comparing((ParameterDescription p) -> !p.getParameter().required())
                        .thenComparing(ParameterDescription::getLongestName))
                .toList();
    }

    private static String synopsis(ParameterDescription p) {
        String placeholder = PLACEHOLDERS.get(p.getLongestName());
        return p.getNames() + (placeholder == null ? "" : " " + placeholder);
    }

    private static Optional<ParameterDescription> find(JCommander level, String option) {
        return level.getParameters().stream().filter(p -> List.of(p.getParameter().names()).contains(option)).findFirst();
    }

    private static List<String> names(JCommander level) {
        List<String> names = new ArrayList<>();
        level.getParameters().forEach(p -> names.addAll(List.of(p.getParameter().names())));
        return names;
    }

    /** "; did you mean X?" for the closest candidate within a few edits, else the valid ones. */
    static String nearest(String typed, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, typed.length() / 3)) {
            return "; did you mean " + best + "?";
        }
        return candidates.isEmpty() ? "" : " (valid: " + String.join(", ", candidates) + ")";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }
}
