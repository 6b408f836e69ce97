package io.meshproof.ci.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A small Maven project on disk for the checks' unit tests: a root pom with modules {@code app} and
 * {@code libs/util}, profile {@code fast} in app, {@code io.example.Main} (with main) and {@code io.example.Helper}
 * (without) in app, an engine parameter {@code "mesh.target"}, {@code .ci/run}, and scripts in {@code tools/}.
 */
public final class TempProject {

    private TempProject() {
    }

    public static Project create(Path root) throws IOException {
        write(root.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>io.example</groupId><artifactId>parent</artifactId>
                  <modules><module>app</module><module>libs</module></modules>
                  <profiles><profile><id>root-profile</id></profile></profiles>
                </project>
                """);
        write(root.resolve("app/pom.xml"), """
                <project><artifactId>example-app</artifactId>
                  <profiles><profile><id>fast</id></profile></profiles>
                </project>
                """);
        write(root.resolve("libs/pom.xml"), """
                <project><artifactId>libs</artifactId><modules><module>util</module></modules></project>
                """);
        write(root.resolve("libs/util/pom.xml"), "<project><artifactId>example-util</artifactId></project>\n");
        write(root.resolve("app/src/main/java/io/example/Main.java"), """
                package io.example;
                public class Main {
                    static final String TARGET = "mesh.target";
                    public static void main(String[] args) { }
                }
                """);
        write(root.resolve("app/src/main/java/io/example/Helper.java"), "package io.example;\npublic class Helper { }\n");
        write(root.resolve("libs/util/src/test/java/io/example/TestMain.java"),
                "package io.example;\npublic class TestMain { public static void main(String[] a) { } }\n");
        executable(root.resolve(".ci/run"), "#!/usr/bin/env bash\nset -euo pipefail\nmvn -B verify -Pfast\n");
        executable(root.resolve("tools/ok.sh"), "#!/usr/bin/env bash\nset -euo pipefail\nmvn -B -pl app package\n");
        executable(root.resolve("tools/calls-bad.sh"), "#!/bin/sh\nmvn -B -Pmissing verify\n");
        write(root.resolve("tools/not-executable.sh"), "#!/usr/bin/env bash\necho hi\n");
        return Project.locate(root.resolve("app"));
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    public static void executable(Path file, String text) throws IOException {
        write(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
