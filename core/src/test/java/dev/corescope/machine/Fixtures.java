package dev.corescope.machine;

import java.nio.file.Path;

/** Fixture trees under {@code src/test/resources/machine}. */
final class Fixtures {

    private Fixtures() {
    }

    static ProcFs fs(String name) {
        return new ProcFs(Path.of("src/test/resources/machine", name));
    }
}
