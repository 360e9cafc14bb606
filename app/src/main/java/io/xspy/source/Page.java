package io.xspy.source;

import java.util.List;

/** One page of results and the token for the next, null on the last page. */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextToken != null;
    }
}
