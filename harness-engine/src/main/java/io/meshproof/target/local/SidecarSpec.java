package io.meshproof.target.local;

import java.util.Map;

/**
 * One sidecar: the workload it serves, its inbound listener (in front of the app) and one outbound
 * listener per service the app calls (the app's upstream addresses point at them, as iptables
 * capture would).
 *
 * @param appPort      the app's own port; null for a client without an app (ingress, tester)
 * @param inboundPort  where other sidecars reach this instance; null for a client without an app
 * @param outboundPorts service name to local outbound listener port
 */
public record SidecarSpec(String workload, String instance, Integer appPort, Integer inboundPort, Map<String, Integer> outboundPorts) {

    public SidecarSpec {
        outboundPorts = Map.copyOf(outboundPorts);
    }
}
