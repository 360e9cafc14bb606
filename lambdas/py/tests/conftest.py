import os

import boto3
import pytest
from moto import mock_aws

# In-process tests run outside Lambda mode; disabling the SDK makes its subsegments no-op dummies
# instead of "cannot find the current segment" errors. Lambda mode is covered by test_xray_lambda.py.
os.environ["AWS_XRAY_SDK_ENABLED"] = "false"
for name, value in {"AWS_DEFAULT_REGION": "eu-central-1", "AWS_ACCESS_KEY_ID": "testing",
                    "AWS_SECRET_ACCESS_KEY": "testing", "TABLE_NAME": "items"}.items():
    os.environ[name] = value

import app  # noqa: E402  (after the environment above)


@pytest.fixture
def table(monkeypatch):
    """A fresh moto DynamoDB table with the stack's key schema (PK, SK strings)."""
    with mock_aws():
        monkeypatch.setattr(app, "_table", None)
        resource = boto3.resource("dynamodb")
        created = resource.create_table(
            TableName="items",
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"},
                                  {"AttributeName": "SK", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        yield created
