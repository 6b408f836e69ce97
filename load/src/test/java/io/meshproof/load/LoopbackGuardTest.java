package io.meshproof.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Load goes to loopback only, unless the user allows a remote target. */
class LoopbackGuardTest {

    @Test
    void loopbackTargetsAreAccepted() {
        assertThat(plan("http://127.0.0.1:9080", false).uri()).hasToString("http://127.0.0.1:9080/productpage");
        assertThat(plan("http://127.0.0.2:9080", false).baseUri().getHost()).isEqualTo("127.0.0.2");
        assertThat(plan("http://localhost:9080", false).baseUri().getHost()).isEqualTo("localhost");
        assertThat(plan("http://[::1]:9080", false).baseUri().getHost()).isEqualTo("[::1]");
    }

    @Test
    void remoteTargetsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> plan("http://10.96.0.10:9080", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback").hasMessageContaining("10.96.0.10");
        assertThatThrownBy(() -> plan("http://192.168.1.20", false)).isInstanceOf(IllegalArgumentException.class);
        // a name that does not resolve is no loopback either
        assertThatThrownBy(() -> plan("http://no-such-host.invalid", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUserMayAllowARemoteTarget() {
        assertThat(plan("http://10.96.0.10:9080", true).baseUri().getHost()).isEqualTo("10.96.0.10");
    }

    private static LoadPlan plan(String base, boolean allowRemote) {
        return new LoadPlan(URI.create(base), "GET", "/productpage", null, 10.0, null, 10,
                Duration.ofSeconds(5), Duration.ofSeconds(1), "ingress", allowRemote);
    }
}
