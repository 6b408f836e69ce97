package io.meshproof.ci.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellScriptTest {

    private static List<String> texts(ShellCommand c) {
        return c.words().stream().map(ShellWord::text).toList();
    }

    @Test
    void separatorsSplitCommandsAndQuotesKeepWordsWhole() {
        List<ShellCommand> cs = ShellScript.commands("""
                cd "$(dirname "$0")/.." && mvn -B verify -Pnegative-controls; echo 'a  b' | tee x
                haproxy -v || true &
                """);

        assertThat(cs).hasSize(6);
        assertThat(texts(cs.get(1))).containsExactly("mvn", "-B", "verify", "-Pnegative-controls");
        assertThat(cs.get(1).words()).allMatch(ShellWord::literal);
        assertThat(texts(cs.get(2))).containsExactly("echo", "a  b");
        assertThat(texts(cs.get(3))).containsExactly("tee", "x");
        assertThat(cs.get(4).line()).isEqualTo(2);
        assertThat(cs.get(0).words().get(1).literal()).as("$(...) expands").isFalse();
        assertThat(texts(cs.get(0)).get(1)).isEqualTo("$(dirname \"$0\")/..");
    }

    @Test
    void continuationsJoinLinesAndCommentsAreDropped() {
        List<ShellCommand> cs = ShellScript.commands("""
                # a comment: mvn -Pnot-a-command
                mvn -B -q -pl reports compile exec:java \\
                  -Dexec.args="matrix --out matrix a b"   # trailing comment
                echo a#b
                """);

        assertThat(cs).hasSize(2);
        assertThat(texts(cs.get(0))).containsExactly("mvn", "-B", "-q", "-pl", "reports", "compile", "exec:java",
                "-Dexec.args=matrix --out matrix a b");
        assertThat(cs.get(0).line()).isEqualTo(2);
        assertThat(texts(cs.get(1))).containsExactly("echo", "a#b");
    }

    @Test
    void expansionsMakeAWordNonLiteralButSingleQuotesDoNot() {
        ShellCommand c = ShellScript.commands("mvn -Dmesh.target=\"$MESH\" -Dx='$y' ${HOME}/a `date` \\$z").get(0);

        assertThat(c.words()).extracting(ShellWord::literal).containsExactly(true, false, true, false, false, true);
        assertThat(c.words().get(5).text()).isEqualTo("$z");
    }

    @Test
    void redirectionsAndTheirTargetsAreNotWords() {
        List<ShellCommand> cs = ShellScript.commands("""
                command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
                while read -r d; do echo "$d"; done < <(find . -name x -printf '%h\\n')
                { cat f; echo; } >> "$GITHUB_STEP_SUMMARY"
                """);

        assertThat(texts(cs.get(0))).containsExactly("command", "-v", "haproxy");
        assertThat(texts(cs.get(1))).containsExactly("need+=(haproxy)");
        assertThat(cs.stream().map(ShellScriptTest::texts)).contains(List.of("done"), List.of("}"));
        assertThat(cs.stream().flatMap(c -> texts(c).stream())).noneMatch(w -> w.contains("/dev/null") || w.contains("find"));
    }

    @Test
    void theProgramComesAfterKeywordsPrefixesAndAssignments() {
        ShellCommand c = ShellScript.commands("if FOO=1 env BAR=2 bash ci/scripts/x.sh --flag; then :; fi").get(0);

        assertThat(c.program()).map(ShellWord::text).contains("bash");
        assertThat(c.arguments()).extracting(ShellWord::text).containsExactly("ci/scripts/x.sh", "--flag");
        assertThat(c.runs("bash")).isTrue();
        assertThat(ShellScript.commands("X=1").get(0).program()).isEmpty();
    }

    @Test
    void arrayAssignmentsStayOneWord() {
        List<ShellCommand> cs = ShellScript.commands("problems+=(\"a/b is not (yet) there\")\nmvn verify");

        assertThat(cs).hasSize(2);
        assertThat(cs.get(0).program()).isEmpty();
        assertThat(cs.get(1).runs("mvn")).isTrue();
    }
}
