package io.meshproof.oracle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClopperPearsonTest {

    @Test
    void matchesPublishedValues() {
        // Clopper & Pearson's 95% interval for 5 of 10 is 0.1871..0.8129 (e.g. R's binom.test).
        Interval half = ClopperPearson.interval(5, 10, 0.05);
        assertThat(half.low()).isCloseTo(0.1871, within(1e-4));
        assertThat(half.high()).isCloseTo(0.8129, within(1e-4));
        // 0 of n has the closed form upper = 1 - (alpha/2)^(1/n).
        Interval none = ClopperPearson.interval(0, 10, 0.05);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-12));
        Interval all = ClopperPearson.interval(10, 10, 0.05);
        assertThat(all.high()).isEqualTo(1);
        assertThat(all.low()).isCloseTo(Math.pow(0.025, 0.1), within(1e-12));
    }

    @Test
    void noTrialsSayNothing() {
        assertThat(ClopperPearson.interval(0, 0, 0.05)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void percentIsRoundedOutward() {
        assertThat(new Interval(0.131_49, 0.167_01).percent()).containsExactly(13.14, 16.71);
        assertThat(new Interval(0.131_49, 0.167_01).text()).isEqualTo("13.14–16.71%");
    }
}
