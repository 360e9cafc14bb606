package io.xspy.source.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.local.TraceStore;
import io.xspy.source.serve.FaultPlan;
import io.xspy.source.serve.GeneratedTraces;
import io.xspy.source.serve.ServeServer;
import io.xspy.trace.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** The AWS source checks a filter's syntax only and leaves its meaning to X-Ray (here: serve on loopback). */
class AwsSourceFilterTest {

    final Instant now = Instant.now();
    final TimeWindow lastHour = TimeWindow.last(Duration.ofHours(1), now);
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    ServeServer serve;
    AwsSource aws;

    @BeforeEach
    void start() {
        TraceStore store = new TraceStore();
        GeneratedTraces.load(store, 23, now.getEpochSecond() - 60); // traces 3, 10 and 17 fault at the API
        serve = ServeServer.start(store, "127.0.0.1", 0, FaultPlan.none());
        ExecutionInterceptor log = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        aws = AwsSource.create(new AwsOptions(null, "us-east-1", serve.endpoint()), AwsSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(6)).withCredentials(AwsSourceTest.DUMMY)
                .withInterceptor(log));
    }

    @AfterEach
    void stop() {
        aws.close();
        serve.close();
    }

    @Test
    void a_root_cause_filter_goes_to_xray_and_selects_the_faulty_traces() {
        Page<TraceSummary> page = aws.traceSummaries(lastHour, "rootcause.fault.service { name = \"xraystarter-api\" }", null);
        assertEquals(3, page.items().size(), page.items().toString());
        assertTrue(page.items().stream().allMatch(TraceSummary::hasFault));
    }

    @Test
    void a_group_filter_is_sent_and_the_answer_of_the_service_is_shown() {
        SourceException e = assertThrows(SourceException.class,
                () -> aws.traceSummaries(lastHour, "group.name = \"slow\"", null));
        assertTrue(calls.contains("GetTraceSummaries"), "the filter was sent: " + calls);
        assertTrue(e.getMessage().contains("groups exist only in AWS X-Ray"), e.getMessage());
    }

    @Test
    void a_typo_is_reported_with_its_column_before_any_call() {
        SourceException e = assertThrows(SourceException.class,
                () -> aws.traceSummaries(lastHour, "rootcause.fault.servce", null));
        assertEquals(List.of(), calls);
        assertTrue(e.getMessage().contains("column 17"), e.getMessage());
    }

    @Test
    void the_tui_prompt_accepts_what_xray_evaluates_and_embedded_sources_refuse_groups() {
        aws.checkFilter("group.name = \"slow\" AND rootcause.json = #[{\"Services\": []}]");
        try (io.xspy.source.local.EmbeddedSource embedded = new io.xspy.source.local.EmbeddedSource("test", new TraceStore())) {
            io.xspy.query.FilterSyntaxException e = assertThrows(io.xspy.query.FilterSyntaxException.class,
                    () -> embedded.checkFilter("group.name = \"slow\""));
            assertEquals(1, e.column());
        }
        assertEquals(List.of(), calls);
    }
}
