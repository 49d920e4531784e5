package dev.corescope.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The cluster's shared secret: {@code $CORESCOPE_HOME/cluster.key} (default {@code ~/.corescope/cluster.key}),
 * or a file given with {@code --secret-file}.
 *
 * <p>The default file is created on first use: 32 random bytes as 64 hex digits, mode 0600, written to a
 * private temporary file and then linked into place, so no other process ever sees a partial or
 * world-readable key, and two processes starting at once end up with the same key (the loser of the
 * race reads the winner's). A key file is refused when it is missing (an explicit one), not a regular
 * file, unreadable, shorter than {@value #MIN_LENGTH} characters, or accessible by group or others
 * (like ssh refuses such a private key).
 */
public final class KeyFile {
    public static final String FILE_NAME = "cluster.key";
    static final int MIN_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** A usable key. */
    public record Key(Path path, byte[] secret, boolean created) {
        public MessageAuth auth() {
            return new MessageAuth(secret);
        }
    }

    /** A key file that cannot be used; the message is one line naming the file and what to do. */
    public static final class Unusable extends IllegalArgumentException {
        Unusable(String message) {
            super(message);
        }
    }

    private KeyFile() {
    }

    /** {@code $CORESCOPE_HOME/cluster.key}, else {@code ~/.corescope/cluster.key}. */
    public static Path defaultPath() {
        String home = System.getenv("CORESCOPE_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".corescope");
        return dir.resolve(FILE_NAME);
    }

    /**
     * The key of {@code explicit} (it must exist), or of the default file, created when missing.
     *
     * @throws Unusable with a one-line reason
     */
    public static Key load(Path explicit) {
        return explicit != null ? read(explicit, false) : loadOrCreate(defaultPath());
    }

    /** Reads {@code path}, creating it first (0600, random) when it does not exist. */
    public static Key loadOrCreate(Path path) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return read(path, false);
        }
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                if (posix(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            byte[] text = (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
            Path tmp = posix(dir)
                    ? Files.createTempFile(dir, ".cluster.key.", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".cluster.key.", ".tmp");
            boolean won;
            try {
                Files.write(tmp, text);
                won = publish(tmp, path);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return read(path, won);
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot create the cluster key " + path + ": permission denied (use --secret-file FILE)");
        } catch (IOException e) {
            throw new Unusable("cannot create the cluster key " + path + ": " + e.getMessage()
                    + " (use --secret-file FILE)");
        }
    }

    /** Links {@code tmp} to {@code path} unless it exists; true when this call created it. */
    private static boolean publish(Path tmp, Path path) throws IOException {
        try {
            Files.createLink(path, tmp); // atomic, and fails when another process created the file first
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(path)) {
                return false;
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE); // a file system without hard links
            return true;
        }
    }

    /**
     * Reads and checks a key file.
     *
     * @throws Unusable with a one-line reason
     */
    public static Key read(Path path, boolean created) {
        if (!Files.exists(path)) {
            throw new Unusable("key file " + path + " does not exist (copy the cluster key there, or leave out "
                    + "--secret-file to use " + defaultPath() + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new Unusable("key file " + path + " is not a regular file");
        }
        if (posix(path)) {
            Set<PosixFilePermission> perms;
            try {
                perms = Files.getPosixFilePermissions(path);
            } catch (IOException e) {
                throw new Unusable("cannot read key file " + path + ": " + e.getMessage());
            }
            Set<PosixFilePermission> open = EnumSet.copyOf(perms);
            open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!open.isEmpty()) {
                throw new Unusable("key file " + path + " is accessible by others (mode "
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + path);
            }
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unusable("key file " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot read key file " + path + ": permission denied");
        } catch (IOException e) {
            throw new Unusable("cannot read key file " + path + ": " + e.getMessage());
        }
        String text = new String(raw, StandardCharsets.UTF_8).trim();
        if (text.length() < MIN_LENGTH) {
            throw new Unusable("key file " + path + " holds " + text.length() + " characters; a key needs at least "
                    + MIN_LENGTH + " (delete it and corescope writes a random one)");
        }
        return new Key(path, text.getBytes(StandardCharsets.UTF_8), created);
    }

    private static boolean posix(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
