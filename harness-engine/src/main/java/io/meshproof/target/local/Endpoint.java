package io.meshproof.target.local;

import io.meshproof.bookinfo.Behavior;

/**
 * One instance of a bookinfo service as the mesh sees it (a Kubernetes endpoint): its sidecar's
 * inbound port is where other sidecars send its traffic.
 */
public record Endpoint(String service, String version, String instance, int inboundPort, Behavior behavior) {}
