package io.ctimw.core.event;

/** Shortens text that came from outside (a CTI frame) so an operator's log line stays one readable line. */
final class LogText {
    private LogText() {
    }

    /**
     * At most {@code max} characters of {@code text}, followed by "..." when cut. Control, format and
     * other invisible characters are written as {@code \}{@code uXXXX} escapes: a NUL, a newline or a
     * right-to-left override in a frame must not break or disguise the log line.
     */
    static String prefix(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int shown = Math.min(text.length(), max);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (invisible(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return shown < text.length() ? out.append("...").toString() : out.toString();
    }

    private static boolean invisible(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
