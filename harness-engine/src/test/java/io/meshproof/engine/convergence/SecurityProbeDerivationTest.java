package io.meshproof.engine.convergence;

import io.meshproof.load.ConnectionError;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityProbeDerivationTest {

    private static Scenario scenario(String mesh, String traffic) throws Exception {
        return ScenarioReader.read(Path.of("probe.yaml"), """
                id: probe
                title: probe derivation
                feature: AuthorizationAllow
                mesh:
                %s
                traffic:
                %s
                  rate: 100/s
                expect:
                  - rejected: {fraction: "100%%"}
                """.formatted(mesh.indent(2), traffic.indent(2)));
    }

    private static final ProbeResponse RESET = new ProbeResponse(0, ConnectionError.RESET, null);
    private static final ProbeResponse FORBIDDEN = new ProbeResponse(403, ConnectionError.NONE, null);
    private static final ProbeResponse SERVED = new ProbeResponse(200, ConnectionError.NONE, "v1");

    @Test
    void strictAgainstAnOutsiderWaitsForEveryRequestRefusedInAnyForm() throws Exception {
        Probe probe = ProbeDerivation.derive(scenario("mtls: STRICT", "from: outsider\nto: reviews\nrequest: {path: /reviews/0}")).orElseThrow();
        assertThat(probe.satisfiedBy()).accepts(RESET, FORBIDDEN, new ProbeResponse(0, ConnectionError.REFUSED, null))
                .rejects(SERVED, new ProbeResponse(0, ConnectionError.TIMEOUT, null));
        assertThat(probe.consecutive()).isGreaterThanOrEqualTo(ProbeDerivation.MIN_CONSECUTIVE);
    }

    @Test
    void strictAgainstMeshedCallersOrPermissiveAgainstAnOutsiderCannotBeTold() throws Exception {
        assertThat(ProbeDerivation.derive(scenario("mtls: STRICT", "from: tester\nto: reviews\nrequest: {path: /reviews/0}"))).isEmpty();
        assertThat(ProbeDerivation.derive(scenario("mtls: PERMISSIVE", "from: outsider\nto: reviews\nrequest: {path: /reviews/0}"))).isEmpty();
    }

    @Test
    void anAuthorizationThatRefusesThisRequestWaitsFor403() throws Exception {
        String allowProductpage = "authorization:\n  - {service: reviews, action: ALLOW, rules: [{from: [productpage], methods: [GET], paths: [\"/reviews/*\"]}]}";
        Probe probe = ProbeDerivation.derive(scenario(allowProductpage, "from: tester\nto: reviews\nrequest: {path: /reviews/0}")).orElseThrow();
        assertThat(probe.satisfiedBy()).accepts(FORBIDDEN).rejects(SERVED, RESET);
        assertThat(ProbeDerivation.derive(scenario(allowProductpage, "from: ingress\nrequest: {path: /api/v1/products/0/reviews}")))
                .as("productpage's own calls are allowed; nothing to tell at the entry").isEmpty();
        String allowNothing = "authorization:\n  - {service: ratings, action: ALLOW}";
        assertThat(ProbeDerivation.derive(scenario(allowNothing, "from: outsider\nto: ratings\nrequest: {path: /ratings/0}"))).isPresent();
        String denyPath = "authorization:\n  - {service: ratings, action: DENY, rules: [{paths: [/ratings/0]}]}";
        assertThat(ProbeDerivation.derive(scenario(denyPath, "from: tester\nto: ratings\nrequest: {path: /ratings/0}"))).isPresent();
        assertThat(ProbeDerivation.derive(scenario(denyPath, "from: tester\nto: ratings\nrequest: {path: /ratings/1}"))).isEqualTo(Optional.empty());
    }

    @Test
    void anIngressIsJudgedOnlyWhenItsIdentityDoesNotMatter() throws Exception {
        String allowIngress = "authorization:\n  - {service: productpage, action: ALLOW, rules: [{from: [ingress]}]}";
        assertThat(ProbeDerivation.derive(scenario(allowIngress, "from: ingress\nrequest: {path: /productpage}"))).isEmpty();
        String allowNothing = "authorization:\n  - {service: productpage, action: ALLOW}";
        assertThat(ProbeDerivation.derive(scenario(allowNothing, "from: ingress\nrequest: {path: /productpage}"))).isPresent();
    }
}
