"""Produces real Lambda log lines for LambdaLambdaOutputMotoTest.

Prints a JSON array of CloudWatch messages: AWS Lambda Powertools' Logger output (JSON, one record per line,
logger.exception with a real traceback) for request argv[1], and records of the Python runtime's plain-text
format (the format string of the Python runtime interface client: "[LEVEL]\t<time>Z\t<requestId>\t<message>\n")
for request argv[2], including logging.exception with a traceback.
"""
import io
import json
import logging
import sys

from aws_lambda_powertools import Logger


class Context:
    function_name = "shop-api-prod-orders"
    function_version = "$LATEST"
    memory_limit_in_mb = 128
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:shop-api-prod-orders"

    def __init__(self, request_id):
        self.aws_request_id = request_id


messages = []

buf = io.StringIO()
logger = Logger(service="orders", stream=buf)


@logger.inject_lambda_context
def powertools_handler(event, context):
    logger.info("order received", extra={"orderId": 9})
    logger.warning("stock low")
    try:
        {}["card"]
    except KeyError:
        logger.exception("charge failed")


powertools_handler({}, Context(sys.argv[1]))
messages += [line + "\n" for line in buf.getvalue().splitlines() if line.strip()]

# The Python runtime's plain-text format
rid = sys.argv[2]


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = rid
        return True


class Collect(logging.Handler):
    def emit(self, record):
        messages.append(self.format(record))


handler = Collect()
handler.setFormatter(logging.Formatter(
    "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
handler.addFilter(RequestIdFilter())
plain = logging.getLogger("plain")
plain.propagate = False
plain.addHandler(handler)
plain.setLevel(logging.DEBUG)
plain.info("processing order 7")
plain.warning("retrying payment")
try:
    int("not a number")
except ValueError:
    plain.exception("payment failed")
plain.critical("giving up")

print(json.dumps(messages))
