package io.xspy.cli;

/** What a command whose result is a table writes: text, JSON, or CSV for spreadsheets. */
enum TabularFormat {
    text, json, csv
}
