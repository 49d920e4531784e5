package dev.corescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedOnFirstUseOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("home").resolve(KeyFile.FILE_NAME);
        KeyFile.Key first = KeyFile.loadOrCreate(file);
        assertThat(first.created()).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
        KeyFile.Key again = KeyFile.loadOrCreate(file);
        assertThat(again.created()).isFalse();
        assertThat(again.secret()).isEqualTo(first.secret());
        assertThat(again.auth().fingerprint()).isEqualTo(first.auth().fingerprint());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void processesCreatingTheKeyAtOnceAllEndUpWithTheSameOne() throws Exception {
        Path file = dir.resolve(KeyFile.FILE_NAME);
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        List<CompletableFuture<KeyFile.Key>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return KeyFile.loadOrCreate(file);
            }));
        }
        List<KeyFile.Key> keys = all.stream().map(CompletableFuture::join).toList();
        assertThat(keys).extracting(k -> new String(k.secret())).containsOnly(Files.readString(file).trim());
        assertThat(keys).filteredOn(KeyFile.Key::created).hasSize(1);
    }

    @Test
    void anExplicitKeyFileMustExist() {
        assertThatThrownBy(() -> KeyFile.load(dir.resolve("missing.key")))
                .isInstanceOf(KeyFile.Unusable.class).hasMessageContaining("missing.key does not exist");
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("open.key");
        Files.writeString(file, "x".repeat(64));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.load(file)).isInstanceOf(KeyFile.Unusable.class)
                .hasMessageContaining("accessible by others (mode rw-r--r--)").hasMessageContaining("chmod 600");
    }

    @Test
    void unreadableShortAndNonRegularKeyFilesAreRefused() throws Exception {
        assertThatThrownBy(() -> KeyFile.load(dir)).isInstanceOf(KeyFile.Unusable.class)
                .hasMessageContaining("not a regular file");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "secret\n");
        Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFile.load(shortKey)).isInstanceOf(KeyFile.Unusable.class)
                .hasMessageContaining("holds 6 characters");
        Path dangling = dir.resolve("dangling.key");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertThatThrownBy(() -> KeyFile.loadOrCreate(dangling)).isInstanceOf(KeyFile.Unusable.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aKeyThatCannotBeCreatedSaysWhere() throws Exception {
        Path file = Files.createFile(dir.resolve("a-file")).resolve("sub").resolve(KeyFile.FILE_NAME);
        assertThatThrownBy(() -> KeyFile.loadOrCreate(file)).isInstanceOf(KeyFile.Unusable.class)
                .hasMessageContaining("cannot create the cluster key " + file).hasMessageContaining("--secret-file");
    }

    @Test
    void theDefaultPathIsUnderCorescopeHome() {
        String home = System.getenv("CORESCOPE_HOME");
        Path expected = home != null && !home.isBlank() ? Path.of(home, KeyFile.FILE_NAME)
                : Path.of(System.getProperty("user.home"), ".corescope", KeyFile.FILE_NAME);
        assertThat(KeyFile.defaultPath()).isEqualTo(expected);
    }
}
