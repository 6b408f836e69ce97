package io.meshproof.ci.shell;

/**
 * One word of a shell command with its quotes removed; {@code literal} is false when the shell would expand part
 * of it ({@code $VAR}, {@code $(...)}, backquotes), so its value is not known before the script runs.
 */
public record ShellWord(String text, boolean literal) {

    public static ShellWord literal(String text) {
        return new ShellWord(text, true);
    }

    @Override
    public String toString() {
        return text;
    }
}
