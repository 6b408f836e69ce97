package io.meshproof.target.local;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.process.BookinfoProcess;

/** One bookinfo instance of the local target: its process and its HAProxy sidecar (a pod). */
final class LocalInstance implements AutoCloseable {

    private final SidecarSpec sidecarSpec;
    private final Behavior behavior;
    private final BookinfoProcess app;
    private final HaproxyProcess sidecar;
    private final String service;
    private final String version;

    LocalInstance(String service, String version, Behavior behavior, SidecarSpec sidecarSpec, BookinfoProcess app, HaproxyProcess sidecar) {
        this.service = service;
        this.version = version;
        this.behavior = behavior;
        this.sidecarSpec = sidecarSpec;
        this.app = app;
        this.sidecar = sidecar;
    }

    String name() {
        return sidecarSpec.instance();
    }

    String service() {
        return service;
    }

    String version() {
        return version;
    }

    Behavior behavior() {
        return behavior;
    }

    SidecarSpec sidecarSpec() {
        return sidecarSpec;
    }

    HaproxyProcess sidecar() {
        return sidecar;
    }

    Endpoint endpoint() {
        return new Endpoint(service, version, name(), sidecarSpec.inboundPort(), behavior);
    }

    boolean isAlive() {
        return app.isAlive() && sidecar.isAlive();
    }

    /** Instance loss: the app and its sidecar die at once, as a pod deleted with no grace period. */
    void kill() throws InterruptedException {
        app.kill();
        sidecar.kill();
    }

    /**
     * A graceful stop for a rolling restart: the app finishes what it is doing first (its calls still
     * need its sidecar's outbound listeners), then the sidecar drains, as a pod's sidecar outlives its app.
     */
    void drain() throws InterruptedException {
        app.stop();
        sidecar.drain();
    }

    @Override
    public void close() throws InterruptedException {
        sidecar.close();
        app.close();
    }
}
