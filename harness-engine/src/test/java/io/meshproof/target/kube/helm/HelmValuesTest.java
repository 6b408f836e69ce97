package io.meshproof.target.kube.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.meshproof.target.istio.IstioInstaller;
import io.meshproof.target.istio.IstioOptions;
import io.meshproof.target.linkerd.LinkerdIdentityMaterial;
import io.meshproof.target.linkerd.LinkerdInstaller;
import io.meshproof.target.linkerd.LinkerdOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelmValuesTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String ANCHOR = "-----BEGIN CERTIFICATE-----\nMIIBanchor+/=\nline2\n-----END CERTIFICATE-----\n";
    static final String ISSUER = "-----BEGIN CERTIFICATE-----\nMIIBissuer\n-----END CERTIFICATE-----\n";
    static final String KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEkey\n-----END EC PRIVATE KEY-----\n";

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(HelmRelease release) throws Exception {
        return YAML.readValue(release.valuesYaml(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> values, String path) {
        Object node = values;
        for (String key : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @Test
    void istioInstallsBaseThenIstiodAtTheVersionWithStatusEnabled() throws Exception {
        List<HelmRelease> releases = new IstioInstaller(IstioOptions.defaults()).releases();

        assertThat(releases).extracting(HelmRelease::name).containsExactly("istio-base", "istiod");
        assertThat(releases).allSatisfy(r -> {
            assertThat(r.namespace()).isEqualTo("istio-system");
            assertThat(r.chart().version()).isEqualTo("1.30.3");
            assertThat(r.chart().repoUrl()).hasToString("https://istio-release.storage.googleapis.com/charts");
        });
        assertThat(releases.get(0).chart().reference()).isEqualTo("istio/base");
        assertThat(parse(releases.get(0))).containsEntry("defaultRevision", "default");
        Map<String, Object> istiod = parse(releases.get(1));
        assertThat(at(istiod, "pilot.env.PILOT_ENABLE_STATUS")).isEqualTo("true");
        assertThat(at(istiod, "pilot.env.PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING")).isEqualTo("true");
        assertThat(at(istiod, "global.istiod.enableAnalysis")).isEqualTo(true);
        assertThat(at(istiod, "pilot.resources.requests.memory")).isEqualTo("256Mi");
    }

    @Test
    void userValuesMergeOverTheHarnessValuesWithoutDroppingSiblings() throws Exception {
        IstioOptions options = new IstioOptions("1.29.6", "v1.5.1", "standard",
                Map.of("pilot", Map.of("env", Map.of("PILOT_ENABLE_STATUS", "false"))), Duration.ofMinutes(1));
        Map<String, Object> istiod = parse(new IstioInstaller(options).releases().get(1));

        assertThat(at(istiod, "pilot.env.PILOT_ENABLE_STATUS")).isEqualTo("false");
        assertThat(at(istiod, "pilot.env.PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING")).isEqualTo("true");
        assertThat(at(istiod, "pilot.replicaCount")).isEqualTo(1);
    }

    @Test
    void linkerdGetsTheGeneratedIdentityVerbatimAndGatewayApiOnlyWhenAbsent() throws Exception {
        LinkerdInstaller installer = new LinkerdInstaller(LinkerdOptions.defaults(), v -> { throw new AssertionError("not called"); });
        LinkerdIdentityMaterial identity = new LinkerdIdentityMaterial(ANCHOR, ISSUER, KEY);

        List<HelmRelease> releases = installer.releases(identity, true);
        assertThat(releases).extracting(HelmRelease::name).containsExactly("linkerd-crds", "linkerd-control-plane");
        assertThat(releases).allSatisfy(r -> {
            assertThat(r.namespace()).isEqualTo("linkerd");
            assertThat(r.chart().version()).isEqualTo("2026.6.3");
            assertThat(r.chart().repoUrl()).hasToString("https://helm.linkerd.io/edge");
        });
        assertThat(parse(releases.get(0))).containsEntry("installGatewayAPI", true);
        assertThat(parse(installer.releases(identity, false).get(0))).containsEntry("installGatewayAPI", false);

        Map<String, Object> controlPlane = parse(releases.get(1));
        assertThat(controlPlane.get("identityTrustAnchorsPEM")).isEqualTo(ANCHOR);
        assertThat(at(controlPlane, "identity.issuer.tls.crtPEM")).isEqualTo(ISSUER);
        assertThat(at(controlPlane, "identity.issuer.tls.keyPEM")).isEqualTo(KEY);
    }

    @Test
    void identityMaterialMustBePem() {
        assertThatThrownBy(() -> new LinkerdIdentityMaterial("not pem", ISSUER, KEY)).hasMessageContaining("trust anchor");
        assertThatThrownBy(() -> new LinkerdIdentityMaterial(ANCHOR, ISSUER, ISSUER)).hasMessageContaining("issuer key");
        assertThat(new LinkerdIdentityMaterial(ANCHOR, ISSUER, KEY).toString()).doesNotContain("MHcC");
    }

    @Test
    void helmJavaRendersALocalChartWithTheValuesFileOffline(@TempDir Path dir) throws Exception {
        // a chart of our own: one ConfigMap that echoes a nested value and a multi-line PEM
        Path chart = dir.resolve("probe");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("values.yaml"), "pilot:\n  env:\n    PILOT_ENABLE_STATUS: \"false\"\n");
        Files.writeString(chart.resolve("templates/configmap.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}
                  namespace: {{ .Release.Namespace }}
                data:
                  status: {{ .Values.pilot.env.PILOT_ENABLE_STATUS | quote }}
                  anchor: {{ .Values.identityTrustAnchorsPEM | quote }}
                """);
        HelmRelease release = new HelmRelease("probe", "istio-system", new HelmChart("local", dir.toUri(), "probe", "0.1.0"),
                Map.of("pilot", Map.of("env", Map.of("PILOT_ENABLE_STATUS", "true")), "identityTrustAnchorsPEM", ANCHOR));

        String rendered = new HelmRunner(dir.resolve("work")).template(chart, release);

        Map<?, ?> configMap = YAML.readValue(rendered.substring(rendered.indexOf("apiVersion")), Map.class);
        assertThat(((Map<?, ?>) configMap.get("metadata")).get("namespace")).isEqualTo("istio-system");
        Map<?, ?> data = (Map<?, ?>) configMap.get("data");
        assertThat(data.get("status")).as("our values file overrides the chart default").isEqualTo("true");
        assertThat(data.get("anchor")).isEqualTo(ANCHOR);
        assertThat(dir.resolve("work/probe-values.yaml")).as("values file removed after use").doesNotExist();
    }

    @Test
    void helmJavaReportsAChartThatIsNotThere(@TempDir Path dir) {
        HelmRelease release = new HelmRelease("x", "ns", new HelmChart("local", dir.toUri(), "missing", "0.1.0"), Map.of());
        assertThatThrownBy(() -> new HelmRunner(dir).template(dir.resolve("missing"), release))
                .hasMessageContaining("helm template");
        assertThat(Helm.version().call()).isNotNull();
    }
}
