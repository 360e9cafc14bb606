import type { SNSEvent } from "aws-lambda";

export interface S3Object {
  key: string;
  bucket?: string;
  size?: number;
}

/** An S3 event notification as S3 publishes it to SNS (keys url-encoded, '+' for spaces). */
export function s3Notification(objects: S3Object[]): string {
  return JSON.stringify({
    Records: objects.map(({ key, bucket = "xraystarter-incoming", size }) => ({
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "eu-central-1",
      eventTime: "2022-11-27T17:53:58.000Z",
      eventName: "ObjectCreated:Put",
      s3: {
        s3SchemaVersion: "1.0",
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: { key, ...(size === undefined ? {} : { size }), eTag: "d41d8cd98f00b204e9800998ecf8427e" },
      },
    })),
  });
}

/** An SNS event delivering the given raw messages, one record each. */
export function snsEvent(...messages: string[]): SNSEvent {
  return {
    Records: messages.map((Message, index) => ({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      EventSubscriptionArn: "arn:aws:sns:eu-central-1:123456789012:xraystarter-uploads:sub",
      Sns: {
        Type: "Notification",
        MessageId: `00000000-0000-0000-0000-00000000000${index}`,
        TopicArn: "arn:aws:sns:eu-central-1:123456789012:xraystarter-uploads",
        Subject: "Amazon S3 Notification",
        Message,
        Timestamp: "2022-11-27T17:53:59.000Z",
        SignatureVersion: "1",
        Signature: "",
        SigningCertUrl: "",
        UnsubscribeUrl: "",
        MessageAttributes: {},
      },
    })),
  };
}
