package io.xspy.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** The parser never fails with anything but a FilterSyntaxException that points inside the text. */
class FilterParserProperties {

    private static final String[] VALID = {
            "service(id(name: \"xraystarter-ts\", type: \"AWS::Lambda\"))",
            "service(\"api\") { fault AND responsetime > 1 } OR edge(\"a\", \"b\") { error }",
            "annotation.gameid = \"817DL6VO\" AND annotation[age] > 29 AND !annotation.vip",
            "http.url CONTAINS \"/v2/\" and not (user = \"al\\\"ice\" or http.status >= 500)",
            "ok !partial duration <3",
            "id(name: \"items\", type: \"AWS::DynamoDB::Table\") AND throttle = false",
    };

    private static final String PIECES = "(){}[]\",:!=<>.-\\ abceiklnorstuy0159AND OR NOT CONTAINS service edge id annotation.";

    @Property(tries = 3000)
    void arbitrary_text_only_throws_syntax_errors(@ForAll @StringLength(max = 60) String text) {
        checkParse(text);
    }

    @Property(tries = 3000)
    void text_made_of_language_pieces_only_throws_syntax_errors(@ForAll("pieces") String text) {
        checkParse(text);
    }

    @Property(tries = 5000)
    void mutated_valid_expressions_only_throw_syntax_errors(@ForAll("mutated") String text) {
        checkParse(text);
    }

    private static void checkParse(String text) {
        try {
            FilterParser.parse(text);
        } catch (FilterSyntaxException e) {
            assertTrue(e.column() >= 1 && e.column() <= text.length() + 1,
                    () -> "column " + e.column() + " outside 1.." + (text.length() + 1) + " for: " + text);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<String> pieces() {
        return Arbitraries.strings().withChars(PIECES.toCharArray()).ofMaxLength(40);
    }

    /** A valid expression with one span deleted, replaced or duplicated. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(VALID);
        Arbitrary<Integer> a = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> b = Arbitraries.integers().between(0, 12);
        Arbitrary<String> insert = Arbitraries.strings().withChars(PIECES.toCharArray()).ofMaxLength(4);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(base, a, b, insert, kind).as((s, at, len, ins, k) -> {
            int from = Math.min(at, s.length());
            int to = Math.min(from + len, s.length());
            return switch (k) {
                case 0 -> s.substring(0, from) + s.substring(to);
                case 1 -> s.substring(0, from) + ins + s.substring(to);
                default -> s.substring(0, to) + s.substring(from);
            };
        });
    }
}
