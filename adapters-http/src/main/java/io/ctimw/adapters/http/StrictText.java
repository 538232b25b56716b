package io.ctimw.adapters.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Text of a request taken exactly as sent or refused (400): bytes must be UTF-8, and no JSON string may
 * hold a lone UTF-16 surrogate ({@code "\ud800"}), which could not be passed on and would arrive at the
 * CTI as {@code ?}. Nothing is ever silently replaced.
 */
final class StrictText {
    private StrictText() {
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is not valid UTF-8");
        }
    }

    /** Checks every string and member name in a parsed JSON value. */
    static void requireWholeCharacters(Object value) {
        if (value instanceof String text) {
            requireWholeCharacters(text);
        } else if (value instanceof Map<?, ?> object) {
            object.forEach((name, member) -> {
                requireWholeCharacters(name);
                requireWholeCharacters(member);
            });
        } else if (value instanceof List<?> array) {
            array.forEach(StrictText::requireWholeCharacters);
        }
    }

    private static void requireWholeCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ProblemException(ProblemType.BAD_REQUEST,
                        "the body has a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + "), which is not a character");
            }
        }
    }
}
