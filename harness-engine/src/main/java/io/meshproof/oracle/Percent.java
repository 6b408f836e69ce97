package io.meshproof.oracle;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How proportions appear in evidence and messages: percent with at most two decimals. */
final class Percent {

    private Percent() {
    }

    /** A proportion as a percentage number rounded to 0.01 points: 0.14837 becomes 14.84. */
    static double points(double proportion) {
        return Math.round(proportion * 10_000) / 100.0;
    }

    /** "14.84" without the sign; trailing zeros dropped ("10", "99.9"). */
    static String number(double proportion) {
        return plain(points(proportion));
    }

    /** A number of points as text without trailing zeros: 10.0 becomes "10". */
    static String plain(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** "14.84%" */
    static String of(double proportion) {
        return number(proportion) + "%";
    }
}
