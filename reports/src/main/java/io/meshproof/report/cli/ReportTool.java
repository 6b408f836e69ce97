package io.meshproof.report.cli;

import io.meshproof.report.ConformanceReport;
import io.meshproof.report.InvalidReportException;
import io.meshproof.report.ReportFiles;
import io.meshproof.report.diff.ReportDiff;
import io.meshproof.report.matrix.Matrix;
import io.meshproof.report.matrix.MatrixFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report tools on the command line:
 * <pre>
 * ReportTool matrix --out DIR REPORT...
 * ReportTool diff BASE HEAD [--out FILE] [--format text|markdown|json] [--min-change PERCENT]
 * </pre>
 * A REPORT is a {@code conformance-report.json} or the directory holding one. Exit status: 0 ok,
 * 1 a regression (diff), 2 bad input, with a message that names the file and the problem.
 */
public final class ReportTool {

    public static final int OK = 0;
    public static final int REGRESSION = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = """
            usage:
              ReportTool matrix --out DIR REPORT...
                  writes DIR/matrix.json and DIR/matrix.html: features by targets
              ReportTool diff BASE HEAD [--out FILE] [--format text|markdown|json] [--min-change PERCENT]
                  compares two reports of the same suite; prints the diff (text unless --format),
                  writes FILE when given (.json: JSON, .md: Markdown, else text);
                  figures are listed when they moved by PERCENT or more (default 10)
              A REPORT, BASE or HEAD is a conformance-report.json or the directory that holds one.
            exit status: 0 ok, 1 regression (diff), 2 bad input
            """;

    private final PrintStream out;
    private final PrintStream err;

    ReportTool(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ReportTool(System.out, System.err).run(args));
    }

    /** Runs one command; returns the exit status. */
    int run(String... args) {
        try {
            if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
                (args.length == 0 ? err : out).print(USAGE);
                return args.length == 0 ? BAD_INPUT : OK;
            }
            List<String> rest = List.of(args).subList(1, args.length);
            return switch (args[0]) {
                case "matrix" -> matrix(rest);
                case "diff" -> diff(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "': use matrix or diff");
            };
        } catch (UsageException e) {
            err.println("meshproof report: " + e.getMessage());
            err.print(USAGE);
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("meshproof report: " + describe(e));
            return BAD_INPUT;
        }
    }

    /** File-system errors carry only a path as message; say what happened to it. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && !(e instanceof InvalidReportException)) {
            String what = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a directory"
                    : f.getReason() != null ? f.getReason() : "cannot be written";
            return f.getFile() + ": " + what;
        }
        return e.getMessage();
    }

    private int matrix(List<String> args) throws IOException {
        Options o = Options.parse(args, List.of("--out"));
        Path dir = Path.of(o.required("--out", "the directory to write matrix.json and matrix.html into"));
        if (o.positional.isEmpty()) {
            throw new UsageException("matrix needs at least one report");
        }
        List<ConformanceReport> reports = new ArrayList<>();
        for (String p : o.positional) {
            reports.add(read(p));
        }
        for (Path written : MatrixFiles.write(Matrix.of(reports), dir)) {
            out.println("wrote " + written);
        }
        return OK;
    }

    private int diff(List<String> args) throws IOException {
        Options o = Options.parse(args, List.of("--out", "--format", "--min-change"));
        if (o.positional.size() != 2) {
            throw new UsageException("diff needs two reports, BASE and HEAD; got " + o.positional.size());
        }
        double minChange = ReportDiff.DEFAULT_MIN_RELATIVE_CHANGE;
        String min = o.values.get("--min-change");
        if (min != null) {
            try {
                minChange = Double.parseDouble(min.replace("%", "")) / 100;
            } catch (NumberFormatException e) {
                throw new UsageException("--min-change '" + min + "' is not a number of percent (e.g. 10)");
            }
            if (minChange < 0) {
                throw new UsageException("--min-change must not be negative");
            }
        }
        String format = o.values.getOrDefault("--format", "text");
        if (!List.of("text", "markdown", "json").contains(format)) {
            throw new UsageException("--format '" + format + "': use text, markdown or json");
        }
        ReportDiff diff = ReportDiff.of(read(o.positional.get(0)), read(o.positional.get(1)), minChange);
        out.print(render(diff, format));
        String file = o.values.get("--out");
        if (file != null) {
            Path target = Path.of(file);
            String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
            String as = name.endsWith(".json") ? "json" : name.endsWith(".md") ? "markdown" : "text";
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, render(diff, as));
        }
        return diff.exitStatus();
    }

    private static String render(ReportDiff diff, String format) {
        return switch (format) {
            case "json" -> diff.toJson();
            case "markdown" -> diff.toMarkdown();
            default -> diff.toText();
        };
    }

    private static ConformanceReport read(String arg) throws IOException {
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            Path inside = p.resolve(ReportFiles.JSON);
            if (!Files.isRegularFile(inside)) {
                throw new InvalidReportException(p, "a directory without " + ReportFiles.JSON
                        + " (give the report file, or the target's report directory)");
            }
            p = inside;
        }
        return ReportFiles.read(p);
    }

    /** Positional arguments and {@code --name value} options. */
    private static final class Options {
        final List<String> positional = new ArrayList<>();
        final java.util.Map<String, String> values = new java.util.HashMap<>();

        static Options parse(List<String> args, List<String> known) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                    if (!known.contains(name)) {
                        throw new UsageException("unknown option '" + name + "'");
                    }
                    String value;
                    if (a.contains("=")) {
                        value = a.substring(a.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    o.values.put(name, value);
                } else {
                    o.positional.add(a);
                }
            }
            return o;
        }

        String required(String name, String what) {
            String v = values.get(name);
            if (v == null || v.isBlank()) {
                throw new UsageException(name + " is required: " + what);
            }
            return v;
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
