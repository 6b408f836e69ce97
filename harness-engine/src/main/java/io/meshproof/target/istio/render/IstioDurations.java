package io.meshproof.target.istio.render;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations as Istio's API reads them: protobuf JSON, a decimal number of seconds with an
 * {@code s} ({@code 0.5s}, {@code 2s}); {@code 500ms} or {@code 1m} are not that form.
 */
final class IstioDurations {

    private IstioDurations() {
    }

    static String format(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }
}
