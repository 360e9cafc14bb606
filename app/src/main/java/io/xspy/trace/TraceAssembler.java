package io.xspy.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Trace} from all the documents X-Ray holds for it, in any order: a completed
 * segment replaces its in-progress version, independent subsegments and inferred segments go under
 * the node named by their parent_id, segments go under the call that produced them, and documents
 * whose parent never arrived stay as roots marked orphan. Children are ordered by start time.
 */
public final class TraceAssembler {

    public static final Comparator<Segment> BY_START = (a, b) -> Double.compare(a.startTime(), b.startTime()); // archivable, unlike comparingDouble's

    private TraceAssembler() {}

    /** A node while the tree is being built. */
    private static final class Node {
        final Segment segment;
        final List<Node> children = new ArrayList<>();
        Node parent;

        Node(Segment segment) {
            this.segment = segment;
        }
    }

    public static Trace assemble(String traceId, Collection<Segment> documents) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Segment> latest = new LinkedHashMap<>();
        for (Segment doc : documents) {
            Segment seen = latest.get(doc.id());
            if (seen == null || !doc.inProgress() || seen.inProgress()) latest.put(doc.id(), doc);
        }

        Map<String, Node> byId = new HashMap<>();
        List<Node> docs = new ArrayList<>(latest.size());
        for (Segment doc : latest.values()) {
            Node node = new Node(doc);
            docs.add(node);
            index(node, byId, diagnostics);
        }

        List<Node> roots = new ArrayList<>();
        Set<String> orphans = new LinkedHashSet<>();
        for (Node node : docs) {
            String parentId = node.segment.parentId();
            if (parentId == null) {
                roots.add(node);
                continue;
            }
            Node parent = byId.get(parentId);
            if (parent == null) {
                roots.add(node);
                orphans.add(node.segment.id());
            } else if (isSelfOrAncestor(node, parent)) {
                diagnostics.add(new Diagnostic(null, node.segment.id(),
                        "parent_id " + parentId + " makes a cycle; kept as an orphan"));
                roots.add(node);
                orphans.add(node.segment.id());
            } else {
                node.parent = parent;
                parent.children.add(node);
            }
        }
        return new Trace(traceId, freeze(roots), orphans, List.copyOf(latest.values()), diagnostics);
    }

    /** Adds a document's node and its embedded subsegments to the id index. */
    private static void index(Node docNode, Map<String, Node> byId, List<Diagnostic> diagnostics) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(docNode);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (byId.putIfAbsent(n.segment.id(), n) != null) {
                diagnostics.add(new Diagnostic(null, n.segment.id(), "id used by more than one node"));
            }
            for (Segment sub : n.segment.subsegments()) {
                Node child = new Node(sub);
                child.parent = n;
                n.children.add(child);
                stack.push(child);
            }
        }
    }

    private static boolean isSelfOrAncestor(Node node, Node candidateParent) {
        for (Node p = candidateParent; p != null; p = p.parent) {
            if (p == node) return true;
        }
        return false;
    }

    private static boolean sameNodes(List<Segment> a, List<Segment> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** Turns the mutable tree into immutable segments, children by start time, without recursion. */
    private static List<Segment> freeze(List<Node> roots) {
        Map<Node, Segment> frozen = new HashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Node> postOrder = new ArrayDeque<>();
        roots.forEach(stack::push);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            postOrder.push(n);
            n.children.forEach(stack::push);
        }
        while (!postOrder.isEmpty()) {
            Node n = postOrder.pop();
            List<Segment> kids = new ArrayList<>(n.children.size());
            for (Node c : n.children) kids.add(frozen.remove(c));
            kids.sort(BY_START);
            // most nodes keep the children they were read with: share them rather than hold a copy
            frozen.put(n, sameNodes(kids, n.segment.subsegments()) ? n.segment : n.segment.withSubsegments(kids));
        }
        List<Segment> out = new ArrayList<>(roots.size());
        for (Node r : roots) out.add(frozen.get(r));
        out.sort(BY_START);
        return out;
    }
}
