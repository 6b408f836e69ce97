package io.meshproof.target.local;

import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.bookinfo.InstanceSpec;
import io.meshproof.scenario.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which sidecars and endpoints the local target has; live, or nominal for a dry run. */
record Topology(List<SidecarSpec> sidecars, List<Endpoint> endpoints, Map<String, Integer> servicePorts) {

    /** The topology a run would have, with made-up ports, for rendering without starting anything. */
    static Topology nominal(Setup setup) {
        int[] port = {15000};
        List<SidecarSpec> sidecars = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        new TreeMap<>(BookinfoCatalog.VERSIONS).forEach((service, versions) -> versions.forEach(version ->
                add(service, version, service + "-" + version + "-0", io.meshproof.bookinfo.Behavior.healthy, port, sidecars, endpoints)));
        for (Setup.ExtraInstances extra : setup.instances()) {
            for (int i = 0; i < extra.countOr1(); i++) {
                add(extra.service(), extra.version(), extra.service() + "-" + extra.version() + "-extra-" + i,
                        extra.behaviorOrHealthy(), port, sidecars, endpoints);
            }
        }
        Map<String, Integer> clientPorts = new TreeMap<>();
        BookinfoCatalog.VERSIONS.keySet().forEach(s -> clientPorts.put(s, port[0]++));
        sidecars.add(new SidecarSpec("ingress", "ingress", null, null, Map.of("productpage", port[0]++)));
        sidecars.add(new SidecarSpec("tester", "tester", null, null, clientPorts));
        Map<String, Integer> services = new TreeMap<>();
        BookinfoCatalog.VERSIONS.keySet().forEach(s -> services.put(s, port[0]++));
        return new Topology(sidecars, endpoints, services);
    }

    private static void add(String service, String version, String name, io.meshproof.bookinfo.Behavior behavior, int[] port,
                            List<SidecarSpec> sidecars, List<Endpoint> endpoints) {
        Map<String, Integer> outbound = new TreeMap<>();
        InstanceSpec.upstreamsNeeded(service, version).forEach(u -> outbound.put(u, port[0]++));
        SidecarSpec spec = new SidecarSpec(service, name, port[0]++, port[0]++, outbound);
        sidecars.add(spec);
        endpoints.add(new Endpoint(service, version, name, spec.inboundPort(), behavior));
    }
}
