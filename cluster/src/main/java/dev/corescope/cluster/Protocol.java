package dev.corescope.cluster;

import dev.corescope.store.Version;

/**
 * The cluster protocol: what members and coordinators must agree on. Its number changes whenever a
 * message sent between them changes meaning (1 = the unsigned tasks and cards before cluster
 * authentication; 2 = signed tasks, clock probes and cards). Cards carry it with the corescope version; a coordinator refuses
 * members that differ in either, a member refuses tasks of another protocol.
 */
public final class Protocol {
    public static final int NUMBER = 2;

    private Protocol() {
    }

    public static String version() {
        return Version.current();
    }

    /** {@code corescope 0.1.0 (protocol 2)}. */
    public static String describe(String version, int protocol) {
        return "corescope " + version + " (protocol " + protocol + ")";
    }

    public static String describeSelf() {
        return describe(version(), NUMBER);
    }
}
