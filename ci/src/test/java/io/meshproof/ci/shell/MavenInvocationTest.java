package io.meshproof.ci.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MavenInvocationTest {

    private static MavenInvocation mvn(String line) {
        return MavenInvocation.of(ShellScript.commands(line).get(0)).orElseThrow();
    }

    @Test
    void readsProjectsProfilesPropertiesAndGoals() {
        MavenInvocation m = mvn("mvn -B -q -pl reports,:meshproof-load -P a,!b -Pc -am compile exec:java "
                + "-Dexec.mainClass=io.x.Main -D skipTests -f pom.xml --projects=scenarios -Dexec.args=\"matrix --out m r\"");

        assertThat(m.projects()).extracting(ShellWord::text).containsExactly("reports", ":meshproof-load", "scenarios");
        assertThat(m.profiles()).extracting(ShellWord::text).containsExactly("a", "!b", "c");
        assertThat(m.goals()).containsExactly("compile", "exec:java");
        assertThat(m.property("exec.mainClass")).map(ShellWord::text).contains("io.x.Main");
        assertThat(m.property("skipTests")).map(ShellWord::text).contains("true");
        assertThat(m.property("exec.args")).map(ShellWord::text).contains("matrix --out m r");
    }

    @Test
    void keepsWhetherAValueIsKnownBeforeTheScriptRuns() {
        MavenInvocation m = mvn("mvn verify -Dmesh.target=\"$MESH\" -Dmesh.profile=resilience -P\"$P\"");

        assertThat(m.property("mesh.target")).map(ShellWord::literal).contains(false);
        assertThat(m.property("mesh.profile")).map(ShellWord::literal).contains(true);
        assertThat(m.profiles()).extracting(ShellWord::literal).containsExactly(false);
    }

    @Test
    void otherProgramsAreNotMaven() {
        assertThat(MavenInvocation.of(ShellScript.commands("echo mvn -Pfoo").get(0))).isEmpty();
        assertThat(MavenInvocation.of(ShellScript.commands("./mvnw -B verify").get(0))).isPresent();
    }
}
