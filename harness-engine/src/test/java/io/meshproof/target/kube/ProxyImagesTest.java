package io.meshproof.target.kube;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyImagesTest {

    static final Map<String, String> OLD = Map.of("a-1", "1.29.6", "b-1", "1.29.6");
    static final Map<String, String> NEW = Map.of("a-2", "1.30.3", "b-2", "1.30.3");

    static String verify(Map<String, String> before, String cpBefore, Map<String, String> after, String cpAfter) throws Exception {
        return ProxyImages.verifyUpgraded("bookinfo", "istio-proxy", before, Optional.ofNullable(cpBefore), after, Optional.ofNullable(cpAfter));
    }

    @Test
    void proxiesThatFollowedTheControlPlaneMustFollowItToTheNewTag() throws Exception {
        assertThat(verify(OLD, "1.29.6", NEW, "1.30.3")).isEqualTo("all 2 istio-proxy proxies in bookinfo moved from 1.29.6 to 1.30.3");
        assertThatThrownBy(() -> verify(OLD, "1.29.6", Map.of("a-2", "1.30.3", "b-2", "1.29.6"), "1.30.3"))
                .hasMessageContaining("1 of 2 pods in bookinfo").hasMessageContaining("{b-2=1.29.6}");
    }

    @Test
    void whereTheTagCannotShowTheUpgradeItSaysSoInsteadOfPassingSilently() throws Exception {
        assertThat(verify(OLD, "1.29.6", OLD, "1.29.6")).contains("stayed 1.29.6").contains("cannot show the upgrade");
        assertThat(verify(Map.of("a-1", "custom"), "1.29.6", Map.of("a-2", "custom"), "1.30.3"))
                .contains("ran tags [custom] before the upgrade, not the control plane's 1.29.6");
        assertThat(verify(OLD, null, NEW, "1.30.3")).contains("not compared");
    }

    @Test
    void noProxyAfterTheRestartIsAnError() {
        assertThatThrownBy(() -> verify(OLD, "1.29.6", Map.of(), "1.30.3")).hasMessageContaining("no pod in bookinfo runs istio-proxy");
    }
}
