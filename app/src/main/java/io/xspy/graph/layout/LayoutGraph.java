package io.xspy.graph.layout;

import java.util.List;

/**
 * What a layered layout is asked to place: boxes measured in character cells and directed links
 * between them (by index into {@link #boxes}). Cycles, self-links and repeated links are allowed.
 */
public record LayoutGraph(List<Box> boxes, List<Link> links) {

    public LayoutGraph {
        boxes = List.copyOf(boxes);
        links = List.copyOf(links);
        for (Link l : links) {
            if (l.from() < 0 || l.from() >= boxes.size() || l.to() < 0 || l.to() >= boxes.size()) {
                throw new IllegalArgumentException("link " + l + " names a box that is not there");
            }
        }
    }

    /**
     * A box: the width its text wants, the narrowest it may become, its height (borders included;
     * at least 4, so that links pointing right and links pointing back meet a side between the
     * corners, each on a row of their own).
     */
    public record Box(int preferredWidth, int minWidth, int height) {
        public Box {
            if (height < 4 || minWidth < 2 || preferredWidth < minWidth) {
                throw new IllegalArgumentException("box too small: " + preferredWidth + "/" + minWidth + "x" + height);
            }
        }
    }

    /** A call from one box to another. */
    public record Link(int from, int to) {}
}
