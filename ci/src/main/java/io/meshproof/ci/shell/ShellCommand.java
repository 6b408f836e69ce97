package io.meshproof.ci.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One simple command of a script: its words, and the line of the script it starts on (1-based). */
public record ShellCommand(List<ShellWord> words, int line) {

    /** Words that precede the program without being it: keywords, and prefixes that run the rest. */
    private static final Set<String> PREFIXES = Set.of("if", "then", "else", "elif", "while", "until", "do",
            "!", "{", "time", "exec", "command", "env", "sudo", "nohup");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", Pattern.DOTALL);

    public ShellCommand {
        words = List.copyOf(words);
    }

    /** The word naming the program that runs, after keywords, prefixes and variable assignments. */
    public Optional<ShellWord> program() {
        int i = programIndex();
        return i < words.size() ? Optional.of(words.get(i)) : Optional.empty();
    }

    /** The words after the program. */
    public List<ShellWord> arguments() {
        int i = programIndex();
        return i < words.size() ? words.subList(i + 1, words.size()) : List.of();
    }

    public boolean runs(String program) {
        return program().map(p -> p.literal() && p.text().equals(program)).orElse(false);
    }

    private int programIndex() {
        int i = 0;
        while (i < words.size() && words.get(i).literal()
                && (PREFIXES.contains(words.get(i).text()) || ASSIGNMENT.matcher(words.get(i).text()).matches())) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return String.join(" ", words.stream().map(ShellWord::text).toList());
    }
}
