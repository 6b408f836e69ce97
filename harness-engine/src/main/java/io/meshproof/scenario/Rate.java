package io.meshproof.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An arrival rate of the open workload model, written {@code 50/s} (or {@code 600/m}). */
public record Rate(double perSecond, String text) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Rate parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash > 0) {
            String unit = s.substring(slash + 1).strip();
            try {
                double amount = Double.parseDouble(s.substring(0, slash).strip());
                double seconds = switch (unit) {
                    case "s" -> 1;
                    case "m" -> 60;
                    default -> Double.NaN;
                };
                if (amount > 0 && !Double.isNaN(seconds)) {
                    return new Rate(amount / seconds, text);
                }
            } catch (NumberFormatException e) {
                // explained below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a rate: write requests per second as \"50/s\" (or per minute, \"600/m\")");
    }

    @Override
    public String toString() {
        return text;
    }
}
