package io.xspy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class OtelLayersTest {

    private static final OtelLayers PUBLISHED = OtelLayers.published();

    @Test
    void everyPublishedArnIsTheRightLayerInItsOwnRegion() {
        for (String region : PUBLISHED.completeRegions()) {
            OtelLayers.ForRegion layers = PUBLISHED.forRegion(region);
            assertLayer(layers.python(), region, "AWSOpenTelemetryDistroPython:\\d+");
            assertLayer(layers.nodejs(), region, "AWSOpenTelemetryDistroJs:\\d+");
            assertLayer(layers.collector(), region, "aws-otel-collector-arm64-ver-0-117-0:1");
        }
    }

    @Test
    void theCollectorsSixteenRegionsAreTheOnesWithAllThreeLayers() {
        assertEquals(List.of("ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
                "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
                "us-east-1", "us-east-2", "us-west-1", "us-west-2"), PUBLISHED.completeRegions());
    }

    @Test
    void knownRegionGivesItsThreeLayers() {
        OtelLayers.ForRegion layers = PUBLISHED.forRegion("eu-central-1");
        assertEquals("arn:aws:lambda:eu-central-1:615299751070:layer:AWSOpenTelemetryDistroPython:26", layers.python());
        assertEquals("arn:aws:lambda:eu-central-1:615299751070:layer:AWSOpenTelemetryDistroJs:15", layers.nodejs());
        assertEquals("arn:aws:lambda:eu-central-1:901920570463:layer:aws-otel-collector-arm64-ver-0-117-0:1", layers.collector());
    }

    @Test
    void regionWithoutTheCollectorNamesWhatIsMissingAndWhereItWorks() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PUBLISHED.forRegion("ap-east-1"));
        assertTrue(error.getMessage().startsWith(
                "TRACING=otel: AWS publishes no OpenTelemetry Lambda layer (collector) for region ap-east-1;"
                        + " the stack can use TRACING=otel in ap-northeast-1, "), error.getMessage());
        assertTrue(error.getMessage().contains("otel-layers.tsv"), error.getMessage());
    }

    @Test
    void regionWithoutPythonLayerSaysSo() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PUBLISHED.forRegion("me-south-1"));
        assertTrue(error.getMessage().contains("(python, collector) for region me-south-1"), error.getMessage());
    }

    @Test
    void unknownRegionMissesAllThree() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PUBLISHED.forRegion("xx-nowhere-1"));
        assertTrue(error.getMessage().contains("(python, nodejs, collector) for region xx-nowhere-1"), error.getMessage());
    }

    @Test
    void malformedRowIsRefusedWithTheLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OtelLayers.parse(List.of("# c", "region\tpython\tnodejs\tcollector", "eu-west-1\tarn-only")));
        assertEquals("otel-layers.tsv: expected 4 tab-separated columns, got: eu-west-1\tarn-only", error.getMessage());
    }

    private static void assertLayer(String arn, String region, String nameAndVersion) {
        String partition = region.startsWith("cn-") ? "aws-cn" : "aws";
        assertTrue(Pattern.matches("arn:" + partition + ":lambda:" + Pattern.quote(region) + ":\\d{12}:layer:" + nameAndVersion, arn),
                region + ": " + arn);
    }
}
