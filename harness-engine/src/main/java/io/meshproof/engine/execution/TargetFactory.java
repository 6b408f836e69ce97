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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Creates the target named by {@code mesh.target}. */
public final class TargetFactory {

    /** Linkerd's trust anchor and issuer come from the harness's own certificate authority. */
    static final LinkerdIdentitySource LINKERD_IDENTITY_FROM_PKI = validity -> {
        LinkerdIdentity identity = LinkerdIdentity.generate(validity);
        return new LinkerdIdentityMaterial(identity.trustAnchorPem(), identity.issuerCertificatePem(), identity.issuerKeyPem());
    };

    private TargetFactory() {
    }

    /** The parameter that names the version a target starts at; an upgrade gate starts at {@code mesh.upgrade.from}. */
    static String versionKey(String target) {
        return "mesh." + target + ".version";
    }

    public static MeshTarget create(MeshConfiguration config) throws TargetException {
        if (config.get("mesh.upgrade.from").isPresent() != config.get("mesh.upgrade.to").isPresent()) {
            throw new TargetException("an upgrade gate needs both mesh.upgrade.from and mesh.upgrade.to");
        }
        if (config.upgrade().isPresent() && !config.target().equals("local") && config.get("mesh.install").map("false"::equalsIgnoreCase).orElse(false)) {
            throw new TargetException("an upgrade gate installs " + config.target() + " at mesh.upgrade.from and upgrades it in place;"
                    + " with mesh.install=false the harness would have to upgrade a mesh it did not install, which it never does:"
                    + " drop mesh.install=false (on a kubeconfig cluster, set mesh.install=true)");
        }
        Map<String, String> params = new HashMap<>(config.all());
        config.upgrade().ifPresent(upgrade -> params.put(versionKey(config.target()), upgrade.from()));
        Function<String, Optional<String>> param = key -> Optional.ofNullable(params.get(key));
        KubeImages images = config.get("mesh.bookinfo.hub").map(KubeImages.defaults()::withBookinfoHub).orElse(KubeImages.defaults());
        return switch (config.target()) {
            case "local" -> LocalTarget.configure(params);
            case "istio" -> KubernetesMeshTargets.create("istio", param, new IstioRenderer(images), LINKERD_IDENTITY_FROM_PKI);
            case "linkerd" -> KubernetesMeshTargets.create("linkerd", param, new LinkerdRenderer(images), LINKERD_IDENTITY_FROM_PKI);
            default -> throw new TargetException("unknown mesh.target '" + config.target() + "': use local, istio or linkerd");
        };
    }
}
