package dev.corescope.store;

/**
 * corescope's version, as written into every summary ({@code metadata.corescopeVersion}), report and
 * cluster member card: the jar's {@code Implementation-Version}, or the build's default when run from
 * classes (tests, IDE).
 */
public final class Version {
    private static final String DEFAULT = "0.1.0";

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? DEFAULT : v;
    }
}
