package io.xspy.query;

import io.xspy.trace.RootCause;
import io.xspy.trace.RootCauses;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code rootcause.KIND.LEVEL { filter }}: the trace has a root cause of KIND (fault, error, responsetime,
 * computed by {@link RootCauses}) with an element at LEVEL (service, entity, exception) for which the
 * filter holds; without braces, it has such an element at all. The elements are enumerated lists:
 * the services of one root cause, the entity path of one service, the exceptions of one entity, and
 * {@code first}, {@code last} and {@code index} (from 0) give an element's place in its list.
 */
final class RootCauseFilter {

    private RootCauseFilter() {}

    enum Kind { FAULT, ERROR, RESPONSETIME }

    enum Level { SERVICE, ENTITY, EXCEPTION }

    /** One element of a root cause with its place in its list. */
    record Element(RootCause.Service service, RootCause.Entity entity, RootCause.Problem problem, int index, int size) {}

    /** The keywords each level knows, with their types. */
    static final Map<Level, Map<String, Keywords.Type>> KEYWORDS = Map.of(
            Level.SERVICE, Map.of("name", Keywords.Type.STRING, "type", Keywords.Type.STRING,
                    "inferred", Keywords.Type.BOOLEAN, "first", Keywords.Type.BOOLEAN, "last", Keywords.Type.BOOLEAN,
                    "index", Keywords.Type.NUMBER),
            Level.ENTITY, Map.of("name", Keywords.Type.STRING, "message", Keywords.Type.STRING,
                    "remote", Keywords.Type.BOOLEAN, "first", Keywords.Type.BOOLEAN, "last", Keywords.Type.BOOLEAN,
                    "index", Keywords.Type.NUMBER, "coverage", Keywords.Type.NUMBER),
            Level.EXCEPTION, Map.of("name", Keywords.Type.STRING, "message", Keywords.Type.STRING,
                    "first", Keywords.Type.BOOLEAN, "last", Keywords.Type.BOOLEAN, "index", Keywords.Type.NUMBER));

    /** Keywords that only mean something on some kinds of root cause. */
    static final Set<String> RESPONSETIME_ONLY = Set.of("coverage");

    private static final Trace.Derived<RootCauses> INDEX = new Trace.Derived<>(RootCauses::of);

    /** The trace's root causes, computed once per trace for every rootcause.* filter (json too). */
    static RootCauses of(Trace trace) {
        return trace.derived(INDEX);
    }

    static Condition condition(Kind kind, Level level, Predicate<Element> test) {
        return new Condition() {
            public boolean test(Trace trace, Segment node) {
                return any(causes(of(trace), kind), level, test);
            }

            public int cost() {
                return WALK;
            }
        };
    }

    private static List<RootCause> causes(RootCauses all, Kind kind) {
        return switch (kind) {
            case FAULT -> all.fault();
            case ERROR -> all.error();
            case RESPONSETIME -> all.responseTime();
        };
    }

    private static boolean any(List<RootCause> causes, Level level, Predicate<Element> test) {
        for (RootCause cause : causes) {
            List<RootCause.Service> services = cause.services();
            for (int s = 0; s < services.size(); s++) {
                RootCause.Service service = services.get(s);
                if (level == Level.SERVICE) {
                    if (test.test(new Element(service, null, null, s, services.size()))) return true;
                    continue;
                }
                List<RootCause.Entity> path = service.entityPath();
                for (int e = 0; e < path.size(); e++) {
                    RootCause.Entity entity = path.get(e);
                    if (level == Level.ENTITY) {
                        if (test.test(new Element(service, entity, null, e, path.size()))) return true;
                        continue;
                    }
                    List<RootCause.Problem> problems = entity.exceptions();
                    for (int p = 0; p < problems.size(); p++) {
                        if (test.test(new Element(service, entity, problems.get(p), p, problems.size()))) return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- keywords on one element ----

    static Predicate<Element> bool(String keyword) {
        return switch (keyword) {
            case "first" -> e -> e.index() == 0;
            case "last" -> e -> e.index() == e.size() - 1;
            case "inferred" -> e -> e.service().inferred();
            case "remote" -> e -> e.entity().remote();
            default -> throw new IllegalStateException(keyword);
        };
    }

    static Predicate<Element> number(String keyword, java.util.function.DoublePredicate test) {
        return switch (keyword) {
            case "index" -> e -> test.test(e.index());
            case "coverage" -> e -> e.entity().coverage() != null && test.test(e.entity().coverage());
            default -> throw new IllegalStateException(keyword);
        };
    }

    /** A string keyword; the test sees each value the element has (a service's name is any of its names). */
    static Predicate<Element> string(Level level, String keyword, Predicate<String> test) {
        if (level == Level.SERVICE) {
            return switch (keyword) {
                case "name" -> e -> test.test(e.service().id().name())
                        || e.service().id().names().stream().anyMatch(n -> n != null && test.test(n));
                case "type" -> e -> e.service().id().type() != null && test.test(e.service().id().type());
                default -> throw new IllegalStateException(keyword);
            };
        }
        if (level == Level.ENTITY) {
            return switch (keyword) {
                case "name" -> e -> e.entity().name() != null && test.test(e.entity().name());
                case "message" -> e -> e.entity().exceptions().stream()
                        .anyMatch(p -> p.message() != null && test.test(p.message()));
                default -> throw new IllegalStateException(keyword);
            };
        }
        return switch (keyword) {
            case "name" -> e -> e.problem().name() != null && test.test(e.problem().name());
            case "message" -> e -> e.problem().message() != null && test.test(e.problem().message());
            default -> throw new IllegalStateException(keyword);
        };
    }
}
