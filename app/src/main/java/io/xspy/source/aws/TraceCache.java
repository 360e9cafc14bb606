package io.xspy.source.aws;

import io.xspy.source.SourceException;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full traces by id: the ones read before come from an LRU cache; the others are fetched in batches
 * by a {@link Fetch} (BatchGetTraces or a Transaction Search retrieval) with up to
 * {@link AwsSettings#concurrency()} batches in flight. Completed traces are kept; one still in
 * progress is read again next time. An interrupt cancels the batches in flight.
 */
final class TraceCache implements AutoCloseable {

    /** Reads one batch of ids; ids it cannot find are left out. */
    interface Fetch {
        List<Trace> fetch(List<String> ids) throws InterruptedException;
    }

    private final ExecutorService pool;
    private final Map<String, Trace> cache;
    private final AwsErrors errors;

    TraceCache(AwsSettings settings, AwsErrors errors) {
        this.errors = errors;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "xspy-aws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int size = settings.cacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Trace> eldest) {
                return size() > size;
            }
        };
    }

    /** The traces for these ids, in the order asked, fetched {@code batchSize} ids at a time. */
    List<Trace> traces(Collection<String> traceIds, int batchSize, String iamAction, Fetch fetch) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : traceIds) if (id != null && !id.isBlank()) wanted.add(id.strip());
        Map<String, Trace> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String id : wanted) {
                Trace t = cache.get(id);
                if (t != null) found.put(id, t);
                else missing.add(id);
            }
        }
        List<Future<List<Trace>>> futures = new ArrayList<>();
        for (int i = 0; i < missing.size(); i += batchSize) {
            List<String> batch = List.copyOf(missing.subList(i, Math.min(missing.size(), i + batchSize)));
            futures.add(pool.submit(() -> fetch.fetch(batch)));
        }
        try {
            for (Future<List<Trace>> f : futures) {
                for (Trace t : f.get()) {
                    found.put(t.id(), t);
                    if (!t.inProgress()) { // an open trace will change: read it again next time
                        synchronized (cache) {
                            cache.put(t.id(), t);
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof SourceException s) throw s;
            throw errors.translate(iamAction, e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new SourceException("loading traces was interrupted", e);
        }
        List<Trace> out = new ArrayList<>();
        for (String id : wanted) {
            Trace t = found.get(id);
            if (t != null) out.add(t);
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
