import * as AWSXRay from "aws-xray-sdk-core";
import type { Tracing } from "./tracing";

/** TRACING=xray: the X-Ray SDK, subsegments under Lambda's facade segment. */
export const xrayTracing: Tracing = {
  // The X-Ray middleware adds a "DynamoDB" subsegment to every call.
  dynamodb: (client) => AWSXRay.captureAWSv3Client(client),
  span: (name, annotations, work) =>
    AWSXRay.captureAsyncFunc(name, async (subsegment) => {
      for (const [key, value] of Object.entries(annotations)) subsegment?.addAnnotation(key, value);
      try {
        const result = await work();
        subsegment?.close();
        return result;
      } catch (error) {
        subsegment?.close(error as Error);
        throw error;
      }
    }),
};
