package io.meshproof.load.gatling.fork;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * In-memory {@link Preferences} that already hold the answer to Gatling's release check.
 *
 * <p>Gatling 3.14 ({@code io.gatling.commons.util.LatestGatlingRelease}, called unconditionally by
 * {@code Runner.displayVersionWarning}) fetches {@code maven-metadata.xml} from Maven Central at every
 * start unless the user preferences node {@code /io/gatling/latestVersion} holds a successful check
 * made in the last 86.4 s (its validity is {@code 24 * 3600} compared with milliseconds). There is no
 * Gatling setting for it; the JDK's {@code java.util.prefs.PreferencesFactory} system property is the
 * switch: this factory answers "checked just now, the latest release is this one", so Gatling makes no
 * request, prints no upgrade notice, and writes nothing under {@code ~/.java}.
 */
final class SettledReleaseCheckPreferences extends AbstractPreferences {

    static final String NODE = "io/gatling/latestVersion";

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, SettledReleaseCheckPreferences> children = new TreeMap<>();

    private SettledReleaseCheckPreferences(SettledReleaseCheckPreferences parent, String name) {
        super(parent, name);
    }

    /** Named by {@code -Djava.util.prefs.PreferencesFactory}; the JDK instantiates it reflectively. */
    public static final class Factory implements PreferencesFactory {
        private final Preferences userRoot = settledRoot();
        private final Preferences systemRoot = new SettledReleaseCheckPreferences(null, "");

        @Override
        public Preferences userRoot() {
            return userRoot;
        }

        @Override
        public Preferences systemRoot() {
            return systemRoot;
        }
    }

    private static Preferences settledRoot() {
        ResourceBundle gatling = ResourceBundle.getBundle("gatling-version");
        ZonedDateTime releaseDate = ZonedDateTime.parse(gatling.getString("release-date"), DateTimeFormatter.ISO_DATE_TIME);
        Preferences root = new SettledReleaseCheckPreferences(null, "");
        Preferences check = root.node(NODE);
        check.putLong("lastCheckTimestamp", System.currentTimeMillis());
        check.putBoolean("lastCheckSuccess", true);
        check.put("latestReleaseNumber", gatling.getString("version"));
        check.put("latestReleaseDate", releaseDate.format(DateTimeFormatter.ISO_DATE_TIME));
        return root;
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(new String[0]);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(new String[0]);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, child -> new SettledReleaseCheckPreferences(this, child));
    }

    @Override
    protected void syncSpi() {
        // nothing to sync: these preferences live and die with the fork
    }

    @Override
    protected void flushSpi() {
        // nothing to flush: these preferences live and die with the fork
    }
}
