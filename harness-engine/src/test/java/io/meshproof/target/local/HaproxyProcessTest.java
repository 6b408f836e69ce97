package io.meshproof.target.local;

import io.meshproof.bookinfo.process.LoopbackPorts;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real HAProxy: start, reload through the master CLI, refuse a broken configuration, stop. */
class HaproxyProcessTest {

    @TempDir
    Path dir;
    private HaproxyProcess haproxy;
    private final int port = LoopbackPorts.free();

    @BeforeEach
    void haproxyIsInstalled() throws TargetException {
        HaproxyInstallation installation = InstalledHaproxy.require();
        haproxy = new HaproxyProcess("test", installation, dir, dir);
    }

    @AfterEach
    void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
    }

    private String config(String answer) {
        return """
                global
                    master-worker
                    hard-stop-after 2s
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend f
                    bind 127.0.0.1:%d
                    http-request return status 200 content-type text/plain string "%s"
                """.formatted(port, answer);
    }

    private String get() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void reloadsRunTheNewConfigurationAndSkipUnchangedOnes() throws Exception {
        haproxy.start(config("one"));
        assertThat(get()).isEqualTo("one");
        assertThat(haproxy.reload(config("one"))).as("unchanged configuration is not reloaded").isFalse();
        assertThat(haproxy.reload(config("two"))).isTrue();
        assertThat(get()).isEqualTo("two");
        assertThat(haproxy.reload(config("three"))).isTrue();
        assertThat(get()).isEqualTo("three");
    }

    @Test
    void aBrokenConfigurationIsRefusedAndTheOldOneKeepsServing() throws Exception {
        haproxy.start(config("one"));
        assertThatThrownBy(() -> haproxy.reload(config("one").replace("http-request return", "http-request teleport")))
                .isInstanceOf(TargetException.class).hasMessageContaining("invalid");
        assertThat(get()).isEqualTo("one");
    }

    @Test
    void closeStopsTheMasterAndItsWorkers() throws Exception {
        haproxy.start(config("one"));
        long pid = haproxy.pid();
        var workers = ProcessHandle.of(pid).orElseThrow().descendants().toList();
        assertThat(workers).isNotEmpty();
        haproxy.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(workers).noneMatch(ProcessHandle::isAlive);
    }
}
