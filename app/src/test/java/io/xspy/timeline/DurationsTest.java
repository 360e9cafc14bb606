package io.xspy.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} s = {1} / {2}")
    @CsvSource({
        "0.08323, 83.2ms, 83.2ms",
        "0.17227, 172ms, 172ms",
        "1.2, 1.20s, 1.20s",
        "0.00035, 350µs, 350us",
        "0.0000015, 1.50µs, 1.50us",
        "0.0000004, <1µs, <1us",
        "0, 0s, 0s",
        "0.9999, 1.00s, 1.00s",
        "0.00099996, 1.00ms, 1.00ms",
        "0.05, 50.0ms, 50.0ms",
        "12.345, 12.3s, 12.3s",
        "999.4, 999s, 999s",
        "1000, 16.7min, 16.7min",
        "7200, 2.00h, 2.00h",
        "-0.0832, -83.2ms, -83.2ms",
    })
    void threeSignificantDigits(double seconds, String unicode, String ascii) {
        assertEquals(unicode, Durations.format(seconds, false));
        assertEquals(ascii, Durations.format(seconds, true));
    }

    @ParameterizedTest
    @CsvSource({"NaN, ?", "Infinity, inf", "-Infinity, -inf"})
    void notANumber(double seconds, String expected) {
        assertEquals(expected, Durations.format(seconds, true));
    }
}
