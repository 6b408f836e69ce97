package io.meshproof.target.local;

/**
 * The options on the server line of every endpoint a sidecar calls: everything the mesh asks of the
 * connection to an upstream endpoint goes here, so that each policy adds its options in one place.
 */
final class ServerOptions {

    private ServerOptions() {
    }

    /** The options, each with a leading space, for the endpoints of {@code service}. */
    static String of(SidecarContext context, String service) {
        return DestinationPolicy.of(context, service).serverOptions() + OutboundTls.serverOptions(context, service);
    }
}
