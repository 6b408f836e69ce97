package io.meshproof.load.gatling.fork;

/**
 * The system properties that make Gatling fit to run inside the harness. Set before anything reads
 * them: Logback, Gatling's configuration and {@link java.util.prefs.Preferences} are all read lazily.
 */
final class ForkEnvironment {

    static final String LOGBACK_CONFIGURATION = "io/meshproof/load/gatling/fork/logback.xml";
    static final String GATLING_CONFIGURATION = "io/meshproof/load/gatling/fork/gatling.conf";

    private ForkEnvironment() {
    }

    static void apply() {
        // a class-path resource, not a root logback.xml that would also configure the harness's own JVM
        System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        // Gatling reads this resource over its defaults (system properties still win)
        System.setProperty("gatling.conf.file", GATLING_CONFIGURATION);
        // Gatling asks Maven Central for a newer release at every start, unless java.util.prefs holds a
        // recent answer; this factory holds one, in memory, so there is no request and no ~/.java file
        System.setProperty("java.util.prefs.PreferencesFactory", SettledReleaseCheckPreferences.Factory.class.getName());
    }
}
