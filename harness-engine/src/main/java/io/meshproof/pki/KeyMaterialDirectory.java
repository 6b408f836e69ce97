package io.meshproof.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A directory for key material that only its owner can read: the directory is 0700, every file
 * 0600, both set at creation (no window in which another user could open them). Closing deletes
 * the directory and everything in it; a JVM shutdown hook does the same if the run ends without
 * closing (Ctrl-C, {@code System.exit}). A kill -9 leaves it behind: it lives in the run's
 * temporary folder for that reason.
 */
public final class KeyMaterialDirectory implements AutoCloseable {

    static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path path;
    private final Set<Path> files = new LinkedHashSet<>();
    private final Thread shutdownHook;
    private boolean closed;

    private KeyMaterialDirectory(Path path) {
        this.path = path;
        this.shutdownHook = new Thread(this::deleteQuietly, "meshproof-key-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A new directory under the system's temporary folder ({@code java.io.tmpdir}). */
    public static KeyMaterialDirectory create() {
        return createIn(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A new directory {@code meshproof-keys-*} inside {@code parent} (the run's temporary folder). */
    public static KeyMaterialDirectory createIn(Path parent) {
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot hold key material in " + parent + ": not a directory;"
                    + " create it or choose the run's temporary folder");
        }
        try {
            return new KeyMaterialDirectory(Files.createTempDirectory(parent, "meshproof-keys-",
                    PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS)));
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("the file system of " + parent + " has no POSIX permissions, so key"
                    + " files could not be made owner-only: use a temporary folder on a POSIX file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a key directory in " + parent + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Writes {@code content} to {@code fileName} in this directory with mode 0600 and returns its path.
     * An existing file of that name is replaced atomically, so a reading process (a reloading
     * sidecar) sees the old or the new content, never half of it.
     */
    public synchronized Path write(String fileName, String content) {
        if (closed) {
            throw new IllegalStateException("key directory " + path + " is closed; create a new one");
        }
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a plain file name: use letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit (e.g. reviews.pem)");
        }
        Path target = path.resolve(fileName);
        Path staging = path.resolve("." + fileName + ".tmp");
        try {
            Files.write(staging, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            // The directory is 0700 already; the file's own mode must not depend on the umask either.
            Files.setPosixFilePermissions(staging, FILE_PERMISSIONS);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteIfExists(staging);
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
        files.add(target);
        return target;
    }

    /** The certificate chain followed by its private key in one file, as HAProxy's {@code crt} takes it. */
    public Path writeCertificateAndKey(String fileName, IssuedCertificate certificate) {
        return write(fileName, certificate.pemChainAndPrivateKey());
    }

    /** Certificates only, e.g. the trust anchors for HAProxy's {@code ca-file}. */
    public Path writeCertificates(String fileName, List<X509Certificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificates to write to " + fileName);
        }
        return write(fileName, Pem.certificates(certificates));
    }

    /** Deletes one file written here (a key no longer needed before the run ends); absent is fine. */
    public synchronized void delete(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a plain file name of this directory");
        }
        Path target = path.resolve(fileName);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + target + ": " + e.getMessage()
                    + "; it is deleted with the directory at the end of the run", e);
        }
        files.remove(target);
    }

    /** Every file written so far and not deleted, in the order first written. */
    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /** Deletes the directory and everything in it (also files others put there). Closing twice is fine. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook runs (or ran) anyway
        }
        try {
            deleteTree();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete key directory " + path + ": " + e.getMessage()
                    + "; delete it by hand, it holds private keys", e);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterialDirectory[" + path + ", files=" + files.size() + (closed ? ", closed" : "") + "]";
    }

    /** The hook registered with the JVM; package-private so tests can run its action. */
    Thread shutdownHook() {
        return shutdownHook;
    }

    private synchronized void deleteQuietly() {
        closed = true;
        try {
            deleteTree();
        } catch (IOException e) {
            // At JVM exit there is nobody left to tell but stderr.
            System.err.println("meshproof: could not delete key directory " + path + ": " + e.getMessage());
        }
    }

    private void deleteTree() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        // walkFileTree does not follow symbolic links: a link placed here is removed, not its target.
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the directory's deletion at close removes it
        }
    }
}
