package io.meshproof.pki;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line to completion within a time limit; the process never outlives the call. */
final class Command {

    record Result(int exitCode, String output) {
    }

    private Command() {
    }

    /** Whether an executable of that name is on the PATH. */
    static boolean onPath(String executable) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }

    static Result run(List<String> command) {
        Path output = null;
        Process process = null;
        try {
            // Output goes to a file so that waiting is bounded even if the command never closes its output.
            output = Files.createTempFile("meshproof-command-", ".out");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(command + " did not finish within 10 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
