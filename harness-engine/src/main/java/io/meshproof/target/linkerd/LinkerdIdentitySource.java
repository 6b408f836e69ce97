package io.meshproof.target.linkerd;

import io.meshproof.target.TargetException;

import java.time.Duration;

/**
 * Where Linkerd's trust anchor and issuer come from: the harness's CA. This is the adapter point to
 * {@code io.meshproof.pki}: wire it as
 * <pre>{@code
 * LinkerdIdentitySource fromPki = validity -> {
 *     var identity = io.meshproof.pki.LinkerdIdentity.generate(validity);
 *     return new LinkerdIdentityMaterial(identity.trustAnchorPem(), identity.issuerCertPem(), identity.issuerKeyPem());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface LinkerdIdentitySource {

    /** A fresh trust anchor and issuer, valid for {@code validity} from now. */
    LinkerdIdentityMaterial generate(Duration validity) throws TargetException;
}
