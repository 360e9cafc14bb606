package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number literals that cannot mean what they say are refused at their column, not silently rounded. */
class FilterNumberLiteralTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "responsetime > 1e999 | 16 | too large",
            "duration < -1e999 | 12 | too large",
            "http.status = 1e-999 | 15 | too small",
            "annotation.age > 1e400 | 18 | too large",
            "annotation.age = 2e-400 | 18 | too small",
            "service(\"a\") { responsetime > 9e9999 } | 31 | too large",
    })
    void out_of_range_numbers_are_refused_at_their_column(String expression, int column, String why) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(expression));
        assertEquals(column, e.column(), e::getMessage);
        assertTrue(e.getMessage().contains(why), e::getMessage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "responsetime > 1e308", "duration < 0.000001", "http.status = 0", "annotation.age > -0.0", "duration > 5e-300"})
    void numbers_a_double_holds_are_accepted(String expression) {
        assertEquals(expression, FilterParser.parse(expression).toString());
    }

    @org.junit.jupiter.api.Test
    void a_number_with_hundreds_of_digits_is_refused() {
        String expression = "duration > " + "1".repeat(400);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(expression));
        assertEquals(12, e.column());
        assertTrue(e.getMessage().contains("digits"), e::getMessage);
    }
}
