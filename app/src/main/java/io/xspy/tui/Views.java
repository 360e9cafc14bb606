package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.trace.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The list models the list screens extend (services, traces), their sort orders and the trace screen's panes. UI thread only. */
final class Views {
    private Views() {}

    /** A selectable list: the selected index and the first row in view. */
    abstract static class ListState {
        int selected;
        int first;

        abstract int size();

        void move(int delta) {
            selected = Math.max(0, Math.min(size() - 1, selected + delta));
        }

        void select(int index) {
            selected = Math.max(0, Math.min(size() - 1, index));
        }

        /** Scrolls so the selection is in view; returns the first row to draw. */
        int scroll(int visible) {
            if (visible <= 0) return first;
            if (selected < first) first = selected;
            if (selected >= first + visible) first = selected - visible + 1;
            first = Math.max(0, Math.min(first, Math.max(0, size() - visible)));
            return first;
        }
    }

    static class Services extends ListState {
        ServiceGraph graph;
        List<ServiceGraph.Node> nodes = List.of();
        boolean loaded;

        @Override int size() { return nodes.size(); }

        ServiceGraph.Node current() {
            return selected < nodes.size() ? nodes.get(selected) : null;
        }

        void set(ServiceGraph g) {
            String keep = current() == null ? null : current().id().key();
            graph = g;
            List<ServiceGraph.Node> sorted = new ArrayList<>(g.services());
            sorted.sort(Comparator.comparing((ServiceGraph.Node n) -> n.id().name()).thenComparing(n -> n.id().type()));
            nodes = sorted;
            loaded = true;
            selected = 0;
            for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).id().key().equals(keep)) selected = i;
        }
    }

    enum Sort {
        TIME("time"), DURATION("duration"), RESPONSE("response time"), STATUS("status");

        final String label;

        Sort(String label) { this.label = label; }

        Sort next() { return values()[(ordinal() + 1) % values().length]; }

        Comparator<TraceSummary> comparator() {
            Comparator<TraceSummary> newest = Comparator.comparingDouble(TraceSummary::startTime).reversed();
            return switch (this) {
                case TIME -> newest;
                case DURATION -> Comparator.comparingDouble(TraceSummary::duration).reversed().thenComparing(newest);
                case RESPONSE -> Comparator.comparingDouble(TraceSummary::responseTime).reversed().thenComparing(newest);
                case STATUS -> Comparator.comparing((TraceSummary t) -> t.status().ordinal()).reversed().thenComparing(newest);
            };
        }
    }

    static class Traces extends ListState {
        final String title;
        String filter;
        List<TraceSummary> items = new ArrayList<>();
        String nextToken;
        boolean loaded;
        Sort sort = Sort.TIME;

        Traces(String title, String filter) {
            this.title = title;
            this.filter = filter;
        }

        @Override int size() { return items.size(); }

        TraceSummary current() {
            return selected < items.size() ? items.get(selected) : null;
        }

        void add(List<TraceSummary> page, String token) {
            String keep = current() == null ? null : current().id();
            Set<String> seen = new HashSet<>();
            for (TraceSummary t : items) seen.add(t.id());
            for (TraceSummary t : page) if (seen.add(t.id())) items.add(t);
            nextToken = token;
            loaded = true;
            resort(keep);
        }

        /** Replaces the list with a reload, keeping the selected trace (when still there) and the scroll. */
        void replace(List<TraceSummary> page, String token) {
            String keep = current() == null ? null : current().id();
            int top = first;
            clear();
            add(page, token);
            resort(keep);
            first = top;
        }

        void clear() {
            items = new ArrayList<>();
            nextToken = null;
            loaded = false;
            selected = 0;
            first = 0;
        }

        void resort(String keepId) {
            items.sort(sort.comparator());
            for (int i = 0; i < items.size(); i++) if (items.get(i).id().equals(keepId)) selected = i;
        }
    }

    enum Pane { TIMELINE, DETAIL, LOGS }
}
