package io.meshproof.oracle;

/**
 * How many records a check needs, and which records count toward it: the engine drives enough
 * requests that {@code counted} of them count (a split counts only answers that name a version).
 *
 * @param counted  records that must count toward the check
 * @param counting which records count
 */
public record SamplePlan(int counted, Counting counting) {

    public enum Counting {
        /** Every request, whatever its outcome. */
        REQUESTS("requests"),
        /** Requests that got a response or timed out (resets, refusals and other connection failures carry no latency). */
        TIMED("requests with a latency (no reset, refusal or other connection failure)"),
        /** Answers that name the version that gave them. */
        VERSIONED("answers that name a version");

        private final String description;

        Counting(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * Requests to drive when a share {@code countingShare} of them is expected to count
     * (for example the lower bound of the scenario's {@code status: 200} expectation).
     */
    public int requests(double countingShare) {
        if (!(countingShare > 0 && countingShare <= 1)) {
            throw new IllegalArgumentException("the counting share must be in (0, 1], got " + countingShare);
        }
        return (int) Math.ceil(counted / countingShare);
    }
}
