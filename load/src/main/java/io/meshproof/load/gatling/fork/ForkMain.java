package io.meshproof.load.gatling.fork;

import io.gatling.app.Gatling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Entry point of the load fork: a JVM of its own, so that Gatling's Netty 4.2, its Logback setup and
 * its globals (one simulation per JVM) stay out of the harness's JVM.
 *
 * <p>Argument: the input file ({@link ForkProtocol.Input}). The fork exits when its standard input
 * closes: the harness holds that pipe open for the whole run, and the kernel closes it when the harness
 * dies, however it dies, so a fork never outlives the harness.
 */
public final class ForkMain {

    /** Exit status when the harness went away. */
    static final int ORPHANED = 3;
    /** Exit status when Gatling could not run the plan. */
    static final int CRASHED = 2;

    private ForkMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ForkMain <input.json> (started by GatlingLoadRunner, not by hand)");
            System.exit(CRASHED);
        }
        exitWhenHarnessGoes(System.in);
        ForkEnvironment.apply();
        System.setProperty(PlanSimulation.INPUT_PROPERTY, Path.of(args[0]).toAbsolutePath().toString());
        try {
            // Gatling's public launcher; it stops Logback and exits the JVM with Gatling's status when done.
            // Results stay in the fork's working directory (the harness deletes it); there are none with
            // the fork's gatling.conf (no data writers), and no reports are wanted.
            Gatling.main(new String[] {
                "--simulation", PlanSimulation.class.getName(),
                "--results-folder", Path.of("gatling-results").toAbsolutePath().toString(),
                "--no-reports"});
        } catch (Throwable e) {
            System.err.println("the load fork crashed: " + e);
            e.printStackTrace();
            System.exit(CRASHED);
        }
    }

    private static void exitWhenHarnessGoes(InputStream harness) {
        Thread watchdog = new Thread(() -> {
            try {
                while (harness.read() >= 0) {
                    // the harness never writes; anything read is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end of stream
            }
            System.err.println("the harness went away: the load fork stops");
            Runtime.getRuntime().halt(ORPHANED);
        }, "meshproof-harness-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
