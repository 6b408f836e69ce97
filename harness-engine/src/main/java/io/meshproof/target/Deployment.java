package io.meshproof.target;

import java.util.Map;

/** A scenario's state as applied on a target; closing it restores the stock state. */
public interface Deployment extends AutoCloseable {

    /**
     * Waits until the target says the new configuration is applied (sidecars reloaded, proxies
     * acknowledged) and returns how long that took in milliseconds since apply began. The
     * convergence gate then checks the effect with probes.
     */
    long awaitApplied() throws TargetException;

    /** Every instance of the bookinfo services now running, by name, with its behavior. */
    Map<String, String> instances();

    /** Chaos actions on this deployment. */
    Chaos chaos();

    @Override
    void close() throws TargetException;
}
