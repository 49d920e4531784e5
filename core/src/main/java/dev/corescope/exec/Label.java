package dev.corescope.exec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An enum that is written in lower case: its JSON value, and (by its {@code toString}) its printed form. */
interface Label {
    String name();

    @JsonValue
    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
