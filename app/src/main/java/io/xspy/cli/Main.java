package io.xspy.cli;

/** Entry point of the xspy jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("xspy");
    }
}
