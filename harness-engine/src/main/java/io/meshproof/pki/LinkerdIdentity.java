package io.meshproof.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Linkerd's identity material, as {@code step certificate create ... --profile root-ca} and
 * {@code --profile intermediate-ca} make it for the Linkerd docs: an ECDSA P-256 trust anchor
 * {@value #TRUST_ANCHOR_COMMON_NAME} and an issuer {@value #ISSUER_COMMON_NAME} (path length 0)
 * signed by it. The strings are what the {@code linkerd-control-plane} chart takes.
 *
 * @param trustAnchorPem the trust anchor certificate ({@code identityTrustAnchorsPEM})
 * @param issuerCertificatePem the issuer certificate ({@code identity.issuer.tls.crtPEM})
 * @param issuerKeyPem the issuer's PKCS#8 private key ({@code identity.issuer.tls.keyPEM}); never printed
 */
public record LinkerdIdentity(String trustAnchorPem, String issuerCertificatePem, String issuerKeyPem) {

    public static final String TRUST_ANCHOR_COMMON_NAME = "root.linkerd.cluster.local";
    public static final String ISSUER_COMMON_NAME = "identity.linkerd.cluster.local";

    static final String TRUST_ANCHORS_VALUE = "identityTrustAnchorsPEM";
    static final String ISSUER_CERTIFICATE_VALUE = "identity.issuer.tls.crtPEM";
    static final String ISSUER_KEY_VALUE = "identity.issuer.tls.keyPEM";

    // Literal blocks keep the PEM line breaks readable and exact.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** Both certificates valid for {@code validity} from now (the issuer is cut at the anchor's end). */
    public static LinkerdIdentity generate(Duration validity) {
        CertificateAuthority anchor = CertificateAuthority.create(KeyType.EC_P256, TRUST_ANCHOR_COMMON_NAME, validity);
        CertificateAuthority issuer = anchor.intermediate(KeyType.EC_P256, ISSUER_COMMON_NAME, validity);
        return new LinkerdIdentity(Pem.certificate(anchor.certificate()), Pem.certificate(issuer.certificate()),
                Pem.privateKey(issuer.credentials().privateKey()));
    }

    /**
     * Helm values by their dotted path, for {@code --set} (or helm-java's {@code set}) on the
     * {@code linkerd-control-plane} chart. The map's {@code toString} redacts the values.
     */
    public Map<String, String> helmValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TRUST_ANCHORS_VALUE, trustAnchorPem);
        values.put(ISSUER_CERTIFICATE_VALUE, issuerCertificatePem);
        values.put(ISSUER_KEY_VALUE, issuerKeyPem);
        return new RedactedValues(values);
    }

    /**
     * The same values as a YAML values file ({@code helm install -f}); it holds the issuer key, so
     * write it through {@link KeyMaterialDirectory#write}.
     */
    public String helmValuesYaml() {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("crtPEM", issuerCertificatePem);
        tls.put("keyPEM", issuerKeyPem);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(TRUST_ANCHORS_VALUE, trustAnchorPem);
        values.put("identity", Map.of("issuer", Map.of("tls", tls)));
        try {
            return YAML.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write Linkerd identity values as YAML", e);
        }
    }

    @Override
    public String toString() {
        return "LinkerdIdentity[trustAnchor=" + TRUST_ANCHOR_COMMON_NAME + ", issuer=" + ISSUER_COMMON_NAME
                + ", issuerKey=<redacted>]";
    }

    /** A read-only map whose {@code toString} names the keys only, so that logging it leaks no key. */
    private static final class RedactedValues extends AbstractMap<String, String> {
        private final Map<String, String> values;

        RedactedValues(Map<String, String> values) {
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }

        @Override
        public String toString() {
            return values.keySet() + " (values redacted)";
        }
    }
}
