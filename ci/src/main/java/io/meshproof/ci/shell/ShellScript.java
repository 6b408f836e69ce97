package io.meshproof.ci.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script into its simple commands, the way bash reads them: quotes, escapes, line continuations,
 * comments, {@code ; && || | &} and newlines as separators, redirections dropped, {@code $(...)} and
 * {@code <(...)} kept whole inside their word. Nothing is expanded. Enough for the commands CI scripts run;
 * here-documents are not understood (their bodies would read as commands).
 */
public final class ShellScript {

    private final String text;
    private int pos;
    private int line = 1;

    private final List<ShellCommand> commands = new ArrayList<>();
    private final List<ShellWord> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private boolean expands;
    private boolean skipNextWord;
    private int commandLine = 1;

    private ShellScript(String text) {
        this.text = text;
    }

    public static List<ShellCommand> commands(String script) {
        ShellScript s = new ShellScript(script);
        s.read();
        return List.copyOf(s.commands);
    }

    private void read() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            switch (c) {
                case '\\' -> {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                        pos += 2;
                        line++;
                    } else {
                        start();
                        if (pos + 1 < text.length()) {
                            word.append(text.charAt(pos + 1));
                        }
                        pos += 2;
                    }
                }
                case '\'' -> {
                    start();
                    int end = text.indexOf('\'', pos + 1);
                    end = end < 0 ? text.length() : end;
                    appendCounting(text.substring(pos + 1, end));
                    pos = end + 1;
                }
                case '"' -> doubleQuoted();
                case '$' -> dollar();
                case '`' -> {
                    start();
                    expands = true;
                    int end = text.indexOf('`', pos + 1);
                    end = end < 0 ? text.length() : end;
                    appendCounting(text.substring(pos, Math.min(end + 1, text.length())));
                    pos = end + 1;
                }
                case '#' -> {
                    if (inWord) {
                        word.append(c);
                        pos++;
                    } else {
                        int end = text.indexOf('\n', pos);
                        pos = end < 0 ? text.length() : end;
                    }
                }
                case ' ', '\t', '\r' -> {
                    endWord();
                    pos++;
                }
                case '\n', ';', '&', '|', ')' -> {
                    endCommand();
                    if (c == '\n') {
                        line++;
                    }
                    pos++;
                }
                case '(' -> {
                    if (inWord && word.length() > 0 && word.charAt(word.length() - 1) == '=') {
                        // array assignment: name=(...) is one word
                        appendBalanced();
                    } else {
                        endCommand();
                        pos++;
                    }
                }
                case '<', '>' -> redirection();
                default -> {
                    start();
                    word.append(c);
                    pos++;
                }
            }
        }
        endCommand();
    }

    private void doubleQuoted() {
        start();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(pos + 1)) >= 0) {
                if (text.charAt(pos + 1) == '\n') {
                    line++;
                } else {
                    word.append(text.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                dollar();
            } else if (c == '`') {
                expands = true;
                word.append(c);
                pos++;
            } else {
                if (c == '\n') {
                    line++;
                }
                word.append(c);
                pos++;
            }
        }
        pos++;
    }

    private void dollar() {
        start();
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (next == '(' || next == '{') {
            expands = true;
            word.append('$');
            pos++;
            appendBalanced();
        } else if (Character.isLetterOrDigit(next) || "_@*#?!$-".indexOf(next) >= 0) {
            expands = true;
            word.append('$');
            pos++;
        } else {
            word.append('$');
            pos++;
        }
    }

    /** Appends a bracketed span starting at pos (( or {) through its matching close, quotes respected. */
    private void appendBalanced() {
        char open = text.charAt(pos);
        char close = open == '(' ? ')' : '}';
        int depth = 0;
        int start = pos;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                pos++;
                break;
            }
            pos++;
        }
        appendCounting(text.substring(start, Math.min(pos, text.length())));
    }

    private void redirection() {
        char c = text.charAt(pos);
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
            // process substitution <(...) or >(...): a word of its own
            start();
            expands = true;
            word.append(c);
            pos++;
            appendBalanced();
            return;
        }
        if (inWord && !expands && word.length() > 0 && word.chars().allMatch(Character::isDigit)) {
            // "2>": the digits name a file descriptor, not a word
            word.setLength(0);
            inWord = false;
        } else {
            endWord();
        }
        while (pos < text.length() && "<>&|".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        skipNextWord = true;
    }

    private void appendCounting(String s) {
        word.append(s);
        line += (int) s.chars().filter(ch -> ch == '\n').count();
    }

    private void start() {
        if (!inWord) {
            inWord = true;
            if (words.isEmpty()) {
                commandLine = line;
            }
        }
    }

    private void endWord() {
        if (!inWord) {
            return;
        }
        if (skipNextWord) {
            skipNextWord = false;
        } else {
            words.add(new ShellWord(word.toString(), !expands));
        }
        word.setLength(0);
        inWord = false;
        expands = false;
    }

    private void endCommand() {
        endWord();
        skipNextWord = false;
        if (!words.isEmpty()) {
            commands.add(new ShellCommand(words, commandLine));
            words.clear();
        }
    }
}
