package io.xspy.source.aws;

import java.util.function.Supplier;

/** Runs one SDK call and turns its failure into a SourceException naming the IAM action. */
@FunctionalInterface
interface AwsCalls {
    <T> T call(String iamAction, Supplier<T> request);
}
