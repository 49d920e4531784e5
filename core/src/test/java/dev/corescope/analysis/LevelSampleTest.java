package dev.corescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LevelSampleTest {

    @Test
    void isImmutableAndValueEqual() {
        double[] wall = {0.1, 0.2, Double.NaN};
        LevelSample s = new LevelSample(2, wall, null, new double[0]);
        wall[0] = 99;
        assertThat(s.wallSeconds()[0]).isEqualTo(0.1);
        s.wallSeconds()[1] = 42;
        assertThat(s.wallSeconds()[1]).isEqualTo(0.2);
        assertThat(s.cpuSeconds()).isEmpty();
        assertThat(s.n()).isEqualTo(2);
        assertThat(s).isEqualTo(new LevelSample(2, new double[] {0.1, 0.2, Double.NaN}, new double[0], null));
        assertThat(s.hashCode())
                .isEqualTo(new LevelSample(2, new double[] {0.1, 0.2, Double.NaN}, null, null).hashCode());
    }

    @Test
    void rejectsNonPositiveWorkers() {
        assertThatThrownBy(() -> LevelSample.ofWall(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
