package io.meshproof.target.local;

import io.meshproof.target.TargetException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HAProxy binary the local target runs: 2.6 or later, built with Lua. Found on the PATH, or at
 * {@code mesh.local.haproxy} (the upgrade gate runs two binaries).
 *
 * @param version such as {@code 2.6.12-1+deb12u3}
 */
public record HaproxyInstallation(Path binary, String version) {

    static final String INSTALL_HINT = "the local target needs HAProxy 2.6 or later with Lua (Debian package 'haproxy'); "
            + "install it with: sudo apt-get install -y haproxy";

    private static final Pattern VERSION = Pattern.compile("HA-?Proxy version (\\d+)\\.(\\d+)(\\S*)");

    public static HaproxyInstallation find(String configured) throws TargetException {
        Path binary = configured != null ? Path.of(configured) : onPath("haproxy");
        if (binary == null || !Files.isExecutable(binary)) {
            throw new TargetException((configured != null ? "mesh.local.haproxy=" + configured + " is not an executable; "
                    : "haproxy is not installed (not on the PATH); ") + INSTALL_HINT);
        }
        String vv = run(binary);
        Matcher m = VERSION.matcher(vv);
        if (!m.find()) {
            throw new TargetException(binary + " -vv did not print an HAProxy version; " + INSTALL_HINT);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String version = major + "." + minor + m.group(3);
        if (major < 2 || major == 2 && minor < 6) {
            throw new TargetException(binary + " is HAProxy " + version + "; " + INSTALL_HINT);
        }
        if (!vv.contains("+LUA") && !vv.contains("Built with Lua")) {
            throw new TargetException(binary + " (HAProxy " + version + ") was built without Lua; " + INSTALL_HINT);
        }
        return new HaproxyInstallation(binary, version);
    }

    /** {@code HAProxy 2.6.12}, as the report names the local target's data plane. */
    public String label() {
        int dash = version.indexOf('-');
        return "HAProxy " + (dash > 0 ? version.substring(0, dash) : version);
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/local/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String run(Path binary) throws TargetException {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-vv").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            throw new TargetException("cannot run " + binary + " -vv: " + e.getMessage() + "; " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while checking " + binary, e);
        }
    }

    /** Checks a configuration file without running it ({@code haproxy -c}); the error names the line. */
    public void check(Path config) throws TargetException {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-c", "-f", config.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TargetException("haproxy -c " + config + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new TargetException("the rendered HAProxy configuration " + config + " is invalid (a bug in the local target's"
                        + " renderer; please report it with this file):\n" + out.strip());
            }
        } catch (IOException e) {
            throw new TargetException("cannot run " + binary + " -c: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while checking " + config, e);
        }
    }
}
