package dev.corescope.workload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Encodes free text (spaces, quotes) as a {@link WorkloadSpec} parameter value, which must be one word. */
final class SpecText {
    private SpecText() {
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String value) {
        try {
            return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad encoded parameter '" + value + "'");
        }
    }
}
