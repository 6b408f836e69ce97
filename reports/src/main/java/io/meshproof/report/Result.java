package io.meshproof.report;

/** The result of a check or a scenario, as the report writes it. */
public enum Result {
    passed, failed, skipped, unsupported;

    /** A scenario's result from its checks': any failed is failed; all unsupported is unsupported; ... */
    public static Result combine(java.util.Collection<Result> results) {
        if (results.isEmpty()) {
            return skipped;
        }
        if (results.contains(failed)) {
            return failed;
        }
        if (results.stream().allMatch(r -> r == unsupported)) {
            return unsupported;
        }
        if (results.contains(passed)) {
            return passed;
        }
        return results.contains(unsupported) ? unsupported : skipped;
    }
}
