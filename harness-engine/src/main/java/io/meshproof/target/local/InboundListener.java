package io.meshproof.target.local;

/**
 * The inbound side of a sidecar: the listener other sidecars (and plaintext clients outside the
 * mesh) reach, in front of the app. Server-side rules live here: mutual TLS ({@link InboundTls}),
 * then, in the HTTP backend that mutual-TLS and plaintext callers share, authorization
 * ({@link AuthorizationRules}) and rate limits.
 */
final class InboundListener {

    private static final String APP = "inbound_app";

    private final SidecarContext context;

    InboundListener(SidecarContext context) {
        this.context = context;
    }

    void render(StringBuilder out) {
        SidecarSpec sidecar = context.sidecar();
        new InboundTls(context).render(out, APP);
        out.append("backend ").append(APP).append('\n');
        new AuthorizationRules(context).render(out);
        RateLimitRules.render(context, out);
        out.append("    server app 127.0.0.1:").append(sidecar.appPort()).append("\n\n");
    }
}
