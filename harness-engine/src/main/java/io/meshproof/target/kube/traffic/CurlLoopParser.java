package io.meshproof.target.kube.traffic;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of {@link CurlLoopScript} into {@link RequestRecord}s. curl's exit code names how
 * a request failed below HTTP: 7 refused (could not connect), 28 timed out, 52 (empty reply),
 * 55 (send failure) and 56 (receive failure: connection reset) a reset, anything else other.
 */
public final class CurlLoopParser {

    private static final Pattern VERSION = Pattern.compile("-(v\\d+)(?:-|$)");

    private final String sender;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private String clock;
    private boolean ended;

    public CurlLoopParser(String sender) {
        this.sender = sender;
    }

    private record Entry(long seq, RequestRecord record) {}

    /** Feeds one output line; lines of other shapes are kept for the error report. */
    public synchronized void line(String line) {
        String[] f = line.trim().split(" ");
        if (f.length == 2 && f[0].equals("MPCLOCK")) {
            clock = f[1];
        } else if (f.length >= 1 && f[0].equals("MPEND")) {
            ended = true;
        } else if (f.length == 7 && f[0].equals("MP")) {
            try {
                entries.add(new Entry(Long.parseLong(f[1]), record(Long.parseLong(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), f[5], f[6])));
            } catch (NumberFormatException e) {
                unparsed.add(line);
            }
        } else if (!line.isBlank()) {
            unparsed.add(line);
        }
    }

    RequestRecord record(long sentMicros, int exitCode, int httpCode, String secondsTaken, String podname) {
        long latencyMicros = new BigDecimal(secondsTaken).movePointRight(6).longValue();
        ConnectionError error = error(exitCode, httpCode);
        String instance = "-".equals(podname) ? null : podname;
        return new RequestRecord(sentMicros, latencyMicros, error == ConnectionError.NONE ? httpCode : 0, error,
                version(instance), instance, sender);
    }

    static ConnectionError error(int exitCode, int httpCode) {
        switch (exitCode) {
            case 0:
                return httpCode > 0 ? ConnectionError.NONE : ConnectionError.OTHER;
            case 7:
                return ConnectionError.REFUSED;
            case 28:
                return ConnectionError.TIMEOUT;
            case 52:
            case 55:
            case 56:
                return ConnectionError.RESET;
            default:
                return ConnectionError.OTHER;
        }
    }

    /** The version in a pod name: {@code v2} from {@code reviews-v2-7f9c8d-x2x4k}. */
    static String version(String podname) {
        if (podname == null) {
            return null;
        }
        Matcher m = VERSION.matcher(podname);
        return m.find() ? m.group(1) : null;
    }

    /** The records in the order the requests were sent. */
    public synchronized List<RequestRecord> records() {
        return entries.stream()
                .sorted(Comparator.comparingLong((Entry e) -> e.record().sentAtMicros()).thenComparingLong(Entry::seq))
                .map(Entry::record)
                .toList();
    }

    public synchronized int count() {
        return entries.size();
    }

    /** The send-time clock the script used: {@code ns}, {@code us} or {@code s}; null before the first line. */
    public synchronized String clock() {
        return clock;
    }

    /** True once the script printed its last line (it was not cut off). */
    public synchronized boolean ended() {
        return ended;
    }

    public synchronized List<String> unparsed() {
        return List.copyOf(unparsed);
    }
}
