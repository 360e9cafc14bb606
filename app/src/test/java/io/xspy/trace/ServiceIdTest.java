package io.xspy.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ServiceId's written-out equals and hashCode are a record's: every component counts, nulls included. */
class ServiceIdTest {
    private static final ServiceId ITEMS = new ServiceId("items", List.of("items"), "123456789012", "AWS::DynamoDB::Table");

    @Test
    void equalComponentsAreEqualWithTheSameHash() {
        ServiceId same = new ServiceId("items", List.of("items"), "123456789012", "AWS::DynamoDB::Table");
        assertEquals(ITEMS, same);
        assertEquals(ITEMS.hashCode(), same.hashCode());
        assertEquals(ServiceId.of("api", "client"), new ServiceId("api", null, null, "client"));
    }

    @Test
    void eachComponentCounts() {
        ServiceId[] differing = {
            new ServiceId("orders", List.of("items"), "123456789012", "AWS::DynamoDB::Table"),
            new ServiceId("items", List.of("items", "orders"), "123456789012", "AWS::DynamoDB::Table"),
            new ServiceId("items", List.of("items"), null, "AWS::DynamoDB::Table"),
            new ServiceId("items", List.of("items"), "123456789012", "AWS::S3::Bucket"),
        };
        for (ServiceId other : differing) assertNotEquals(ITEMS, other, other.toString());
        assertNotEquals(ITEMS, "items");
    }
}
