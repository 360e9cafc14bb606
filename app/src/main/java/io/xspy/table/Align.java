package io.xspy.table;

/** Where a column's text sits in its cells: words on the left, numbers on the right. */
public enum Align { LEFT, RIGHT }
