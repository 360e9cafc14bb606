package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void numbersArePlainAndTextIsQuotedOnlyWhenItMustBe() {
        assertEquals("-1", Csv.field(-0.9999999999));
        assertEquals("0", Csv.field(-0.0000000001));
        assertEquals("0.0812", Csv.field(0.0812));
        assertEquals("176", Csv.field(176));
        assertEquals("", Csv.field(Double.NaN));
        assertEquals("\"a, \"\"b\"\"\"", Csv.field("a, \"b\""));
        StringWriter out = new StringWriter();
        Csv.line(new PrintWriter(out, true), "evil\u001b[31m", 1.5, null);
        assertEquals("evil\uFFFD[31m,1.5,\r\n", out.toString());
    }
}
