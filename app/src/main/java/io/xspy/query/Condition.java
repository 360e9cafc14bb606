package io.xspy.query;

import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A compiled part of a filter expression. At the top level {@code node} is null and the condition
 * is about the whole trace; inside {@code service() { }} or {@code edge() { }} braces it is about
 * one node of the service map (the segment or remote subsegment that stands for it, or for an edge
 * the callee).
 */
interface Condition {

    boolean test(Trace trace, Segment node);

    /** Rough relative cost, so cheap operands of AND/OR are evaluated first (conditions have no side effects). */
    default int cost() {
        return 1;
    }

    /** Cost of a condition that walks the whole trace tree. */
    int WALK = 10;

    static Condition not(Condition c) {
        if (c instanceof Not n) return n.operand;
        return new Not(c);
    }

    static Condition and(List<Condition> operands) {
        return operands.size() == 1 ? operands.get(0) : new And(byCost(operands));
    }

    static Condition or(List<Condition> operands) {
        return operands.size() == 1 ? operands.get(0) : new Or(byCost(operands));
    }

    private static Condition[] byCost(List<Condition> operands) {
        List<Condition> sorted = new ArrayList<>(operands);
        sorted.sort(Comparator.comparingInt(Condition::cost)); // stable: equal costs keep their order
        return sorted.toArray(new Condition[0]);
    }

    record Not(Condition operand) implements Condition {
        public boolean test(Trace trace, Segment node) {
            return !operand.test(trace, node);
        }

        public int cost() {
            return operand.cost();
        }
    }

    record And(Condition[] operands) implements Condition {
        public boolean test(Trace trace, Segment node) {
            for (Condition c : operands) if (!c.test(trace, node)) return false;
            return true;
        }

        public int cost() {
            return Arrays.stream(operands).mapToInt(Condition::cost).sum();
        }
    }

    record Or(Condition[] operands) implements Condition {
        public boolean test(Trace trace, Segment node) {
            for (Condition c : operands) if (c.test(trace, node)) return true;
            return false;
        }

        public int cost() {
            return Arrays.stream(operands).mapToInt(Condition::cost).sum();
        }
    }
}
