package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;

class TracingOptionsTest {

    @Test
    void absentContextIsTheXrayStackWithoutTransactionSearch() {
        assertEquals(TracingOptions.XRAY, TracingOptions.fromContext(new App().getNode()));
    }

    @Test
    void contextStringsFromTheCliAreRead() {
        App app = App.Builder.create().context(Map.of("tracing", "otel", "transactionSearch", "true")).build();
        assertEquals(new TracingOptions(TracingMode.OTEL, true), TracingOptions.fromContext(app.getNode()));
    }

    @Test
    void modeIgnoresCaseAndSpaceAndEmptyMeansXray() {
        assertEquals(TracingMode.OTEL, TracingMode.parse(" OTel "));
        assertEquals(TracingMode.XRAY, TracingMode.parse("xray"));
        assertEquals(TracingMode.XRAY, TracingMode.parse(""));
        assertEquals("otel", TracingMode.OTEL.envValue());
    }

    @Test
    void unknownModeIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TracingMode.parse("jaeger"));
        assertEquals("tracing must be xray or otel, got 'jaeger' (make synth TRACING=otel, or cdk synth -c tracing=otel)",
                error.getMessage());
    }

    @Test
    void flagTakesBooleansAndTheirSpellings() {
        assertTrue(TracingOptions.parseFlag("transactionSearch", true));
        assertTrue(TracingOptions.parseFlag("transactionSearch", "TRUE"));
        assertFalse(TracingOptions.parseFlag("transactionSearch", "false"));
        assertFalse(TracingOptions.parseFlag("transactionSearch", ""));
        assertFalse(TracingOptions.parseFlag("transactionSearch", null));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TracingOptions.parseFlag("transactionSearch", "yes"));
        assertEquals("transactionSearch must be true or false, got 'yes'", error.getMessage());
    }
}
