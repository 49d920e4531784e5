package dev.corescope.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists of a result as read back from JSON: a missing list is empty, and none can be changed. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
