package io.xspy.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.graph.Statistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTablesTest {

    private static final Table<Statistics> STATISTICS = new Table<>(ServiceTables.statistics(s -> s, s -> null));

    private static List<String> cells(Statistics s) {
        return List.of(STATISTICS.print(List.of(s), false).lines().get(1).strip().split("\\s+"));
    }

    @Test
    void sharesOfRequestsCountThrottlesAsClientErrors() {
        // 40 requests: 6 throttled, 2 other 4xx, 1 fault
        assertEquals(List.of("40", "20", "15", "2.5", "-", "-", "-"), cells(new Statistics(31, 6, 2, 1, 40, 4.0)));
    }

    @Test
    void aNodeWithoutRequestsHasNoShares() {
        assertEquals(List.of("0", "-", "-", "-", "-", "-", "-"), cells(Statistics.EMPTY));
    }
}
