package io.xspy.source.aws;

import io.xspy.graph.Histogram;
import io.xspy.graph.Statistics;
import io.xspy.trace.HttpInfo;
import io.xspy.trace.ServiceId;
import io.xspy.trace.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.Http;
import software.amazon.awssdk.services.xray.model.ServiceStatistics;
import software.amazon.awssdk.services.xray.model.TraceUser;
import software.amazon.awssdk.services.xray.model.ValueWithServiceIds;

/** X-Ray's API shapes, as the SDK models them, read into xspy's model. */
final class XrayShapes {
    private XrayShapes() {}

    static Statistics statistics(ServiceStatistics s) {
        if (s == null) return Statistics.EMPTY;
        return statistics(s.okCount(), s.errorStatistics() == null ? null : s.errorStatistics().throttleCount(),
                s.errorStatistics() == null ? null : s.errorStatistics().otherCount(),
                s.faultStatistics() == null ? null : s.faultStatistics().otherCount(), s.totalCount(),
                s.totalResponseTime());
    }

    static Statistics statistics(EdgeStatistics s) {
        if (s == null) return Statistics.EMPTY;
        return statistics(s.okCount(), s.errorStatistics() == null ? null : s.errorStatistics().throttleCount(),
                s.errorStatistics() == null ? null : s.errorStatistics().otherCount(),
                s.faultStatistics() == null ? null : s.faultStatistics().otherCount(), s.totalCount(),
                s.totalResponseTime());
    }

    private static Statistics statistics(Long ok, Long throttle, Long otherError, Long fault, Long total,
            Double totalTime) {
        return new Statistics(orZero(ok), orZero(throttle), orZero(otherError), orZero(fault), orZero(total),
                totalTime == null ? 0 : totalTime);
    }

    static Histogram histogram(List<HistogramEntry> entries) {
        List<Histogram.Bucket> buckets = new ArrayList<>();
        for (HistogramEntry e : entries) {
            if (e.value() != null && e.count() != null) buckets.add(new Histogram.Bucket(e.value(), e.count()));
        }
        buckets.sort(Comparator.comparingDouble(Histogram.Bucket::value));
        return new Histogram(buckets);
    }

    static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    static TraceSummary summary(software.amazon.awssdk.services.xray.model.TraceSummary s) {
        Http h = s.http();
        HttpInfo http = h == null ? HttpInfo.NONE
                : new HttpInfo(h.httpMethod(), h.httpURL(), h.userAgent(), h.clientIp(), null, null, h.httpStatus(), null);
        Map<String, List<Object>> annotations = new LinkedHashMap<>();
        s.annotations().forEach((key, values) -> {
            List<Object> list = new ArrayList<>();
            for (ValueWithServiceIds v : values) {
                if (v.annotationValue() == null) continue;
                var a = v.annotationValue();
                Object value = a.stringValue() != null ? a.stringValue()
                        : a.numberValue() != null ? (Object) a.numberValue() : a.booleanValue();
                if (value != null && !list.contains(value)) list.add(value);
            }
            annotations.put(key, list);
        });
        List<String> users = new ArrayList<>();
        for (TraceUser u : s.users()) if (u.userName() != null) users.add(u.userName());
        List<ServiceId> services = new ArrayList<>();
        for (var id : s.serviceIds()) services.add(serviceId(id));
        Instant start = s.startTime();
        return new TraceSummary(s.id(), start == null ? startFromId(s.id()) : start.toEpochMilli() / 1000.0,
                orZero(s.duration()), orZero(s.responseTime()), Boolean.TRUE.equals(s.hasFault()),
                Boolean.TRUE.equals(s.hasError()), Boolean.TRUE.equals(s.hasThrottle()),
                Boolean.TRUE.equals(s.isPartial()), http, annotations, users, services,
                s.entryPoint() == null ? null : serviceId(s.entryPoint()), false);
    }

    static ServiceId serviceId(software.amazon.awssdk.services.xray.model.ServiceId id) {
        return new ServiceId(id.name(), id.names().isEmpty() ? null : id.names(), id.accountId(), id.type());
    }

    /** The epoch seconds a trace id carries ("1-5f84c7a6-..."), for old responses without StartTime. */
    static double startFromId(String traceId) {
        try {
            return Long.parseLong(traceId.split("-")[1], 16);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
