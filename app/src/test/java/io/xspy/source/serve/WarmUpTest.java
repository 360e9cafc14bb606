package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * serve is ready when its port opens: before binding it sends one request of each kind through a
 * throwaway server. Every one must run its whole path (answer 200), or it warms less than it should.
 * (How long the first real request takes is measured apart: see the report's command.)
 */
class WarmUpTest {
    @Test
    void everyWarmUpRequestRunsItsWholePath() {
        assertEquals(List.of(200, 200, 200, 200, 200, 200), WarmUp.run());
    }
}
