package io.meshproof.target.local;

/**
 * The inbound side of a sidecar: the listener other sidecars (and plaintext clients outside the
 * mesh) reach, in front of the app. Server-side rules live here: mutual TLS, authorization, rate
 * limits.
 */
final class InboundListener {

    private final SidecarContext context;

    InboundListener(SidecarContext context) {
        this.context = context;
    }

    void render(StringBuilder out) {
        SidecarSpec sidecar = context.sidecar();
        out.append("frontend inbound\n");
        out.append("    bind 127.0.0.1:").append(sidecar.inboundPort()).append('\n');
        out.append("    default_backend inbound_app\n\n");
        out.append("backend inbound_app\n");
        RateLimitRules.render(context, out);
        out.append("    server app 127.0.0.1:").append(sidecar.appPort()).append("\n\n");
    }
}
