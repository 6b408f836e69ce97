package io.meshproof.target.kube.bookinfo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookinfo manifests of the fixture module ({@code kubernetes/*.yaml} on the classpath), with
 * the image hub of the user's choice ({@code mesh.bookinfo.hub}).
 */
public final class BookinfoManifests {

    /** Istio 1.30's samples pull from here; Docker Hub ({@code docker.io/istio}) rate-limits anonymous pulls. */
    public static final String DEFAULT_HUB = "registry.istio.io/release";
    public static final String IMAGE_TAG = "1.20.3";
    static final String BOOKINFO = "kubernetes/bookinfo.yaml";
    static final String VERSIONS = "kubernetes/bookinfo-versions.yaml";
    static final String INGRESS = "kubernetes/productpage-nodeport.yaml";
    public static final String INGRESS_SERVICE = "productpage-ingress";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private BookinfoManifests() {
    }

    /** ServiceAccounts, Services, Deployments and per-version Services, images from {@code hub}. */
    public static List<HasMetadata> stock(String hub) {
        List<HasMetadata> objects = new ArrayList<>(load(BOOKINFO));
        objects.addAll(load(VERSIONS));
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    container.setImage(rehub(container.getImage(), hub));
                }
            }
        }
        return objects;
    }

    /** The NodePort Service where load enters; a null node port lets Kubernetes pick one. */
    public static Service ingress(Integer nodePort) {
        Service service = (Service) load(INGRESS).get(0);
        service.getSpec().getPorts().get(0).setNodePort(nodePort);
        return service;
    }

    /** The image on another hub: {@code <hub>/examples-bookinfo-reviews-v2:1.20.3}. */
    static String rehub(String image, String hub) {
        String trimmedHub = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
        return trimmedHub + image.substring(image.lastIndexOf('/'));
    }

    static List<HasMetadata> load(String resource) {
        try (InputStream in = BookinfoManifests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the meshproof-bookinfo module ships it");
            }
            Object parsed = SERIALIZATION.unmarshal(in);
            List<HasMetadata> objects = new ArrayList<>();
            if (parsed instanceof List<?> list) {
                list.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
            } else if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else if (parsed instanceof HasMetadata one) {
                objects.add(one);
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
