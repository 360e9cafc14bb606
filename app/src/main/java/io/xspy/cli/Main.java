package io.xspy.cli;

/** Entry point of the xspy jar (the command line lands with the embedded store). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("xspy");
    }
}
