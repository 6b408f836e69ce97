package io.meshproof.load.gatling.fork;

import io.gatling.commons.util.GatlingVersion$;

/** Asks Gatling for its latest release the way its runner does at start; with "fork", in the fork's environment. */
public final class ReleaseCheckProbe {

    private ReleaseCheckProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("fork")) {
            ForkEnvironment.apply();
        }
        System.out.println("latest release: " + GatlingVersion$.MODULE$.LatestRelease());
    }
}
