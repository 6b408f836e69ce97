package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialDirectoryTest {

    private static IssuedCertificate leaf;

    @TempDir
    Path runFolder;

    @BeforeAll
    static void issue() {
        leaf = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofMinutes(10))
                .issueWorkload("reviews", Duration.ofMinutes(5));
    }

    @Test
    void directoryIsOwnerOnlyAndFilesAreOwnerReadWriteOnly() throws Exception {
        try (KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder)) {
            Path crt = keys.writeCertificateAndKey("reviews.pem", leaf);
            Path ca = keys.writeCertificates("ca.pem", List.of(leaf.trustAnchor()));

            assertThat(keys.path().getParent()).isEqualTo(runFolder);
            assertThat(permissions(keys.path())).isEqualTo("rwx------");
            assertThat(permissions(crt)).isEqualTo("rw-------");
            assertThat(permissions(ca)).isEqualTo("rw-------");
            assertThat(Files.readString(crt)).isEqualTo(leaf.pemChainAndPrivateKey());
            assertThat(Files.readString(ca)).isEqualTo(leaf.pemTrustAnchor());
        }
    }

    @Test
    void permissionCheckFailsForAFileWrittenTheOrdinaryWay() throws Exception {
        // Negative control for the check above: a plain write gets the umask's mode (group/other readable).
        Path plain = Files.writeString(runFolder.resolve("plain.pem"), "x");
        Files.setPosixFilePermissions(plain, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));

        assertThat(permissions(plain)).isNotEqualTo("rw-------");
    }

    @Test
    void closeDeletesEverythingIncludingFilesOthersPutThere() throws Exception {
        KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder);
        Path crt = keys.writeCertificateAndKey("reviews.pem", leaf);
        Path foreign = Files.writeString(keys.path().resolve("haproxy.state"), "written by a sidecar");
        Files.createDirectory(keys.path().resolve("sub"));
        Files.createSymbolicLink(keys.path().resolve("link"), runFolder);
        assertThat(crt).exists();
        assertThat(foreign).exists();

        keys.close();

        assertThat(keys.path()).doesNotExist();
        assertThat(runFolder).as("the link's target survives").isEmptyDirectory();
        keys.close();
    }

    @Test
    void tracksEveryFileOnceAndReplacesContentAtomically() throws Exception {
        try (KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder)) {
            Path first = keys.write("reviews.pem", "old");
            keys.write("ca.pem", "ca");
            Path again = keys.write("reviews.pem", "new");

            assertThat(again).isEqualTo(first);
            assertThat(Files.readString(first)).isEqualTo("new");
            assertThat(permissions(first)).isEqualTo("rw-------");
            assertThat(keys.files()).containsExactly(first, keys.path().resolve("ca.pem"));
            try (var listing = Files.list(keys.path())) {
                assertThat(listing).as("no staging file left").hasSize(2);
            }
        }
    }

    @Test
    void deletesOneFileAndForgetsIt() throws Exception {
        try (KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder)) {
            Path gone = keys.writeCertificateAndKey("reviews-extra.pem", leaf);
            Path kept = keys.writeCertificates("ca.pem", List.of(leaf.trustAnchor()));

            keys.delete("reviews-extra.pem");
            keys.delete("never-written.pem");

            assertThat(gone).doesNotExist();
            assertThat(kept).exists();
            assertThat(keys.files()).containsExactly(kept);
            assertThatThrownBy(() -> keys.delete("../ca.pem")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsPathsAndWritesAfterClose() {
        KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder);
        assertThatThrownBy(() -> keys.write("../escape.pem", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> keys.write(".hidden", "x")).isInstanceOf(IllegalArgumentException.class);
        keys.close();
        assertThatThrownBy(() -> keys.write("late.pem", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(runFolder.resolve("escape.pem")).doesNotExist();
        assertThatThrownBy(() -> KeyMaterialDirectory.createIn(runFolder.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }

    @Test
    void shutdownHookIsRegisteredWhileOpenAndRemovedByClose() {
        KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runFolder);
        Thread hook = keys.shutdownHook();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("registered while open").isTrue();
        Runtime.getRuntime().addShutdownHook(hook);
        keys.close();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("removed by close").isFalse();
    }

    @Test
    void shutdownHookDeletesTheDirectoryWhenTheJvmIsTerminated() throws Exception {
        // A real JVM that writes a key and waits; SIGTERM (what Ctrl-C or a CI cancel sends) must leave nothing.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyHolder.class.getName(), runFolder.toString())
                .redirectErrorStream(true)
                .start();
        try {
            var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).as("the child JVM's first line").startsWith("written ");
            Path written = Path.of(line.substring("written ".length()));
            assertThat(written).exists();

            child.destroy();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child JVM ended").isTrue();

            assertThat(written.getParent()).doesNotExist();
            assertThat(runFolder).isEmptyDirectory();
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child JVM of the test above: writes a key, says where, and waits to be terminated. */
    public static final class KeyHolder {
        public static void main(String[] args) throws Exception {
            KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(Path.of(args[0]));
            Path file = keys.write("key.pem", "not a real key");
            System.out.println("written " + file);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
