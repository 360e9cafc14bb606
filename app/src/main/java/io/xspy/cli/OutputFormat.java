package io.xspy.cli;

/** What a printing command writes: a text table or canvas, or JSON in the X-Ray API's shapes. */
enum OutputFormat {
    text, json
}
