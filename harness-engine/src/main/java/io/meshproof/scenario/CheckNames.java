package io.meshproof.scenario;


import java.util.stream.Collectors;

/** Short readable names of checks, as they appear in test trees and reports. */
public final class CheckNames {

    private CheckNames() {
    }

    public static String of(Expectation e) {
        if (e instanceof Expectation.Split s) {
            return "split " + s.service() + " " + s.weights().entrySet().stream()
                    .map(w -> w.getKey() + " " + w.getValue()).collect(Collectors.joining(" / "))
                    + " ± " + trim(s.toleranceOrDefault());
        }
        if (e instanceof Expectation.Status s) {
            return "status " + s.describe() + " " + s.fraction();
        }
        if (e instanceof Expectation.Latency l) {
            if (l.percentile() != null) {
                return "latency p" + trim(l.percentile()) + (l.atLeast() != null ? " >= " + DurationText.format(l.atLeast())
                        : " < " + DurationText.format(l.below()));
            }
            return "latency slower than " + DurationText.format(l.slowerThan()) + " " + l.fraction();
        }
        if (e instanceof Expectation.Rejected r) {
            return "rejected " + r.fraction();
        }
        Expectation.Ejected j = (Expectation.Ejected) e;
        return "ejected " + j.behavior() + " " + j.service() + " within " + j.within() + " requests";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
