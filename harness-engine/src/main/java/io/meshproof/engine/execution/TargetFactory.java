package io.meshproof.engine.execution;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.pki.LinkerdIdentity;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.TargetException;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.kube.KubeImages;
import io.meshproof.target.kube.KubernetesMeshTargets;
import io.meshproof.target.linkerd.LinkerdIdentityMaterial;
import io.meshproof.target.linkerd.LinkerdIdentitySource;
import io.meshproof.target.linkerd.render.LinkerdRenderer;
import io.meshproof.target.local.LocalTarget;

/** Creates the target named by {@code mesh.target}. */
public final class TargetFactory {

    /** Linkerd's trust anchor and issuer come from the harness's own certificate authority. */
    static final LinkerdIdentitySource LINKERD_IDENTITY_FROM_PKI = validity -> {
        LinkerdIdentity identity = LinkerdIdentity.generate(validity);
        return new LinkerdIdentityMaterial(identity.trustAnchorPem(), identity.issuerCertificatePem(), identity.issuerKeyPem());
    };

    private TargetFactory() {
    }

    public static MeshTarget create(MeshConfiguration config) throws TargetException {
        KubeImages images = config.get("mesh.bookinfo.hub").map(KubeImages.defaults()::withBookinfoHub).orElse(KubeImages.defaults());
        return switch (config.target()) {
            case "local" -> LocalTarget.configure(config.all());
            case "istio" -> KubernetesMeshTargets.create("istio", config::get, new IstioRenderer(images), LINKERD_IDENTITY_FROM_PKI);
            case "linkerd" -> KubernetesMeshTargets.create("linkerd", config::get, new LinkerdRenderer(images), LINKERD_IDENTITY_FROM_PKI);
            default -> throw new TargetException("unknown mesh.target '" + config.target() + "': use local, istio or linkerd");
        };
    }
}
