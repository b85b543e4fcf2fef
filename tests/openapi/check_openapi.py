#!/usr/bin/python3
"""Checks docs/openapi.yaml against the OpenAPI 3.0 schema, then the real `recoupe serve`
against docs/openapi.yaml (ctest E2EOpenApi).

  tests/openapi/check_openapi.py --binary build/recoupe --spec docs/openapi.yaml \
      --examples examples/vostochny

1. The file: valid against the OpenAPI 3.0 schema of Debian's openapi-specification package,
   every $ref resolves, every schema is a valid JSON Schema.
2. The server: started on a free port with a token on a copy of the seeds, asked every
   endpoint so that every documented status of docs/api.md comes back at least once (200, 304,
   400, 401, 403, 404, 405, 413). Each answer's status must be documented for its path and
   method, its Content-Type must be the documented one, its documented required headers
   must be there, and a JSON body must validate against the documented schema; event
   stream data must validate against StoryEvent / MergeEvent.
3. The test can fail: the answers recorded are validated again against copies of the file
   with one field renamed, and with one field removed from a recorded answer; each must
   be refused.

Uses Debian's python3-yaml, python3-jsonschema and openapi-specification (scripts/setup).
Exit 0 and "N passed, 0 failed" when everything holds; 1 and the reasons otherwise.
"""

import argparse
import copy
import http.client
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import jsonschema
import yaml

OAS_SCHEMA = "/usr/share/openapi-specification/schemas/v3.0/schema.json"
TOKEN = "openapi-test-token"
# The statuses docs/api.md lists that a test can provoke (500 is a bug, 503 a failed store).
STATUSES_TO_SEE = {200, 304, 400, 401, 403, 404, 405, 413}
# The endpoints of docs/api.md; the file must describe each.
ENDPOINTS = [("/healthz", "get"), ("/api/stories", "get"), ("/api/stories/{id}", "get"),
             ("/api/articles/{id}", "get"), ("/api/articles", "post"), ("/api/events", "get"),
             ("/events", "get"), ("/api/sources", "get"), ("/metrics", "get")]


class Failures:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)
        return ok


# ---- The file ----------------------------------------------------------------------------

def to_json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema (draft 4): `nullable: true` becomes a "null" type
    (and a None in an enum); the keywords OpenAPI adds (description, example…) are ignored by
    a validator anyway."""
    if isinstance(node, list):
        return [to_json_schema(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: to_json_schema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = out["enum"] + [None]
    return out


def check_file(spec, failures):
    meta = json.load(open(OAS_SCHEMA))
    errors = list(jsonschema.Draft4Validator(meta).iter_errors(spec))
    for e in errors[:5]:
        failures.check(False, f"openapi file: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    failures.check(not errors, "the file is valid OpenAPI 3.0")
    # The meta-schema is not vacuous: an operation without responses is refused.
    broken = copy.deepcopy(spec)
    del broken["paths"]["/healthz"]["get"]["responses"]
    failures.check(not jsonschema.Draft4Validator(meta).is_valid(broken),
                   "the OpenAPI schema refuses an operation without responses")

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                failures.check(resolve_pointer(spec, ref) is not None, f"{where}: $ref {ref} resolves")
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")
    walk(spec, "#")
    for name, schema in spec["components"]["schemas"].items():
        try:
            jsonschema.Draft4Validator.check_schema(to_json_schema(schema))
            failures.check(True, "")
        except jsonschema.SchemaError as e:
            failures.check(False, f"components/schemas/{name} is not a valid schema: {e.message}")
    for path, method in ENDPOINTS:
        failures.check(method in spec["paths"].get(path, {}),
                       f"the file describes {method.upper()} {path}")


def resolve_pointer(doc, ref):
    if not ref.startswith("#/"):
        return None
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# ---- Validating answers ------------------------------------------------------------------

class Spec:
    def __init__(self, doc):
        self.doc = doc
        self.json_doc = to_json_schema(doc)
        self.resolver = jsonschema.RefResolver.from_schema(self.json_doc)
        self.templates = [(re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", re.escape(p)
                                                   .replace(r"\{", "{").replace(r"\}", "}")) + "$"), p)
                          for p in doc["paths"]]

    def deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = resolve_pointer(self.doc, node["$ref"])
        return node

    def template_of(self, path):
        for regex, template in self.templates:
            if regex.match(path):
                return template
        return None

    def validate(self, schema, value):
        """The errors of `value` against `schema` (a node of the file, OpenAPI form)."""
        validator = jsonschema.Draft4Validator(to_json_schema(schema), resolver=self.resolver)
        return [f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message[:300]}"
                for e in validator.iter_errors(value)]


class Answer:
    def __init__(self, method, target, status, headers, body):
        self.method, self.target, self.status = method, target, status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def check_answer(spec, answer, failures, expect_status):
    """Checks `answer` against the file; returns (template, schema node) of its JSON body."""
    what = f"{answer.method} {answer.target} → {answer.status}"
    if not failures.check(answer.status == expect_status,
                          f"{what}: expected status {expect_status} ({answer.body[:200]!r})"):
        return None
    path = urllib.parse.urlsplit(answer.target).path
    template = spec.template_of(path)
    if template is None:  # a path the API does not have: a JSON error, as every 404
        if failures.check(answer.status == 404, f"{what}: an unknown path answers 404"):
            errors = spec.validate({"$ref": "#/components/schemas/Error"}, answer.json())
            failures.check(not errors, f"{what}: {errors}")
        return None
    method = "get" if answer.method == "HEAD" else answer.method.lower()
    operation = spec.doc["paths"][template].get(method)
    if operation is None:  # a method the path does not take: every path documents 405
        operation = next(iter(spec.doc["paths"][template].values()))
        failures.check(answer.status == 405, f"{what}: an undocumented method answers 405")
    response = spec.deref(operation["responses"].get(str(answer.status)))
    if not failures.check(response is not None,
                          f"{what}: status {answer.status} is not documented for "
                          f"{method.upper()} {template}"):
        return None
    for name, header in (response.get("headers") or {}).items():
        header = spec.deref(header)
        value = answer.headers.get(name.lower())
        if header.get("required"):
            failures.check(value is not None, f"{what}: header {name} is missing")
        if value is not None:
            errors = spec.validate(header["schema"], value)
            failures.check(not errors, f"{what}: header {name}: {errors}")
    content = response.get("content")
    if not content:
        failures.check(answer.body == b"", f"{what}: no body documented, got {answer.body[:80]!r}")
        return None
    media = answer.headers.get("content-type", "").split(";")[0].strip()
    if not failures.check(media in content, f"{what}: Content-Type {media} is not documented"):
        return None
    if answer.method == "HEAD":
        failures.check(answer.body == b"", f"{what}: HEAD has no body")
        return None
    schema = content[media]["schema"]
    if media == "application/json":
        try:
            body = answer.json()
        except ValueError as e:
            failures.check(False, f"{what}: not JSON: {e}")
            return None
        errors = spec.validate(schema, body)
        failures.check(not errors, f"{what}: {errors}")
        return (template, schema, body)
    return None


# ---- The server --------------------------------------------------------------------------

class Server:
    def __init__(self, binary, inputs, db):
        self.process = subprocess.Popen(
            [binary, "serve", *inputs, "--db", db, "--port", "0", "--token", TOKEN],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.port = None
        seen = b""
        deadline = time.time() + 60
        while time.time() < deadline and self.port is None:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                seen += chunk
                m = re.search(rb"serving .* on http://[^ ]+:([0-9]+)/", seen)
                if m:
                    self.port = int(m.group(1))
        if self.port is None:
            self.stop()
            raise RuntimeError(f"recoupe serve did not start: {seen!r} "
                               f"{self.process.stderr.read()[:2000]!r}")

    def request(self, method, target, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, target, body=body, headers=headers or {})
        res = conn.getresponse()
        answer = Answer(method, target, res.status, res.getheaders(), res.read())
        conn.close()
        return answer

    def request_with_length(self, method, target, length):
        """Sends a body of `length` bytes (blank lines) and reads the answer. The server reads
        and drops a body over its limit, so the whole body is sent."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.putrequest(method, target)
        conn.putheader("Authorization", "Bearer " + TOKEN)
        conn.putheader("Content-Type", "application/x-ndjson")
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        chunk = b"\n" * (1 << 20)
        try:
            for sent in range(0, length, len(chunk)):
                conn.send(chunk[:min(len(chunk), length - sent)])
        except OSError:
            pass  # the server may answer and close before the end
        res = conn.getresponse()
        answer = Answer(method, target, res.status, res.getheaders(), res.read())
        conn.close()
        return answer

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class EventStream:
    """GET /api/events read line by line."""

    def __init__(self, port, path="/api/events", headers=None):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        self.conn.request("GET", path, headers=headers or {})
        self.response = self.conn.getresponse()
        self.answer = Answer("GET", path, self.response.status, self.response.getheaders(), b"")

    def events(self, count):
        """The next `count` events as (type, data text); comments are skipped."""
        out, event = [], {}
        while len(out) < count:
            line = self.response.fp.readline()
            if not line:
                break
            line = line.decode("utf-8").rstrip("\r\n")
            if line == "":
                if "event" in event:
                    out.append((event["event"], event.get("data", "")))
                event = {}
            elif not line.startswith(":"):
                key, _, value = line.partition(":")
                event[key] = value[1:] if value.startswith(" ") else value
        return out

    def close(self):
        self.conn.close()


def article_line(article_id, title, text, source="Test Wire"):
    return json.dumps({"id": article_id, "source": source, "title": title,
                       "published": "2026-11-30T10:00:00Z", "lang": "en", "text": text})


def exercise(spec, server, failures):
    """Asks every endpoint; returns the JSON answers validated, for the mutation check."""
    seen_statuses = set()
    recorded = []
    auth = {"Authorization": "Bearer " + TOKEN}

    def ask(expect, method, target, body=None, headers=None):
        answer = server.request(method, target, body, headers)
        seen_statuses.add(answer.status)
        got = check_answer(spec, answer, failures, expect)
        if got:
            recorded.append(got)
        return answer

    ask(200, "GET", "/healthz")
    ask(405, "POST", "/healthz", body=b"{}")
    listing = ask(200, "GET", "/api/stories")
    stories = listing.json()["stories"] if listing.status == 200 else []
    failures.check(len(stories) >= 1, "the seeds make at least one story")
    ask(200, "HEAD", "/api/stories")
    ask(304, "GET", "/api/stories", headers={"If-None-Match": listing.headers.get("etag", "")})
    ask(200, "GET", "/api/stories?lang=fr&since=2000-01-01&until=2100-12-31&limit=500&q=Vostotchny")
    ask(200, "GET", "/api/stories?q=nosuchwordanywhere")
    ask(200, "GET", "/api/sources")
    ask(400, "GET", "/api/stories?since=yesterday")
    ask(400, "GET", "/api/stories?limit=0")
    ask(400, "GET", "/api/stories?sort=date")
    ask(400, "GET", "/api/stories?cursor=not-a-cursor")
    ask(405, "DELETE", "/api/stories")

    # Enough stories for two pages: each article below is about something else.
    topics = [("A ferry sank off the coast of Norway with forty passengers rescued by boats.",
               "Norwegian coastguard"),
              ("The central bank of Chile raised its interest rate to nine percent on Tuesday.",
               "Santiago markets"),
              ("A chess grandmaster from Peru won the open tournament in Lima after ten rounds.",
               "Lima chess club")]
    body = "\n".join(article_line(f"openapi-{i}", f"{what} story {i}", f"{text} {what} said. " * 3)
                     for i, (text, what) in enumerate(topics)).encode()
    ask(401, "POST", "/api/articles", body=body)
    ask(403, "POST", "/api/articles", body=body, headers={"Authorization": "Bearer wrong"})
    ask(400, "POST", "/api/articles", body=b"this is not json\n", headers=auth)
    ask(400, "POST", "/api/articles", body=b"", headers=auth)
    ask(405, "GET", "/api/articles")

    events = EventStream(server.port)
    seen_statuses.add(events.answer.status)
    check_answer(spec, events.answer, failures, 200)
    posted = ask(200, "POST", "/api/articles", body=body, headers=auth)
    summary = posted.json() if posted.status == 200 else {}
    failures.check(summary.get("added") == len(topics), f"the POST added {len(topics)}: {summary}")
    # One line the server cannot read beside a good one: stored, and the bad one in errors.
    mixed = (article_line("openapi-mixed", "Wind farm opens in Denmark",
                          "A wind farm opened off Denmark on Monday, the operator said. " * 3)
             + "\n{not json\n").encode()
    ask(200, "POST", "/api/articles", body=mixed, headers=auth)
    # A revision of the first article.
    revised = article_line("openapi-0", "Ferry sank off Norway: all rescued",
                           topics[0][0] + " All passengers were safe, the coastguard said. " * 2)
    ask(200, "POST", "/api/articles", body=revised.encode(), headers=auth)
    expected_events = len(summary.get("created", [])) + len(summary.get("updated", [])) + \
        len(summary.get("merged", []))
    got = events.events(max(expected_events, 1))
    events.close()
    failures.check(len(got) >= expected_events, f"the stream gave {len(got)} events after the POST")
    for kind, data in got:
        failures.check(kind in ("story.created", "story.updated", "story.merged"),
                       f"event type {kind}")
        schema = "MergeEvent" if kind == "story.merged" else "StoryEvent"
        errors = spec.validate({"$ref": f"#/components/schemas/{schema}"}, json.loads(data))
        failures.check(not errors, f"event {kind} {data}: {errors}")
    bad = EventStream(server.port, "/events", {"Last-Event-ID": "yesterday"})
    bad.answer.body = bad.response.read()
    bad.close()
    seen_statuses.add(bad.answer.status)
    check_answer(spec, bad.answer, failures, 400)
    replay = EventStream(server.port, "/events", {"Last-Event-ID": "0"})
    seen_statuses.add(replay.answer.status)
    check_answer(spec, replay.answer, failures, 200)
    failures.check(len(replay.events(1)) == 1, "Last-Event-ID: 0 replays the kept events")
    replay.close()

    page = ask(200, "GET", "/api/stories?limit=1")
    cursor = page.json().get("next_cursor") if page.status == 200 else None
    if failures.check(isinstance(cursor, str), "a first page of one story has a next_cursor"):
        ask(200, "GET", "/api/stories?limit=1&cursor=" + urllib.parse.quote(cursor))

    for story in ask(200, "GET", "/api/stories?limit=500").json()["stories"]:
        one = ask(200, "GET", "/api/stories/" + story["id"])
        if one.status == 200:
            failures.check(one.json()["stories"][0]["id"] == story["id"], "the story asked for")
    story_id = stories[0]["id"] if stories else "none"
    first = ask(200, "GET", "/api/stories/" + story_id)
    ask(304, "GET", "/api/stories/" + story_id, headers={"If-None-Match": first.headers.get("etag", "")})
    ask(200, "HEAD", "/api/stories/" + story_id)
    ask(404, "GET", "/api/stories/s000000000000")
    ask(405, "PUT", "/api/stories/" + story_id, body=b"{}")

    article = ask(200, "GET", "/api/articles/openapi-0")
    if article.status == 200:
        failures.check(len(article.json()["revisions"]) == 2, "the revised article has 2 revisions")
    ask(304, "GET", "/api/articles/openapi-0", headers={"If-None-Match": article.headers.get("etag", "")})
    seed = stories[0]["articles"][0] if stories else "none"
    ask(200, "GET", "/api/articles/" + urllib.parse.quote(seed, safe=""))
    ask(404, "GET", "/api/articles/no-such-article")

    metrics = ask(200, "GET", "/metrics")
    # Counters of events are integers; counters of seconds are decimals (Prometheus floats).
    series = re.compile(r'^recoupe_[a-z_]+(\{[a-z]+="[^"]*"\})? [0-9]+(\.[0-9]+)?$')
    for line in metrics.body.decode().splitlines():
        failures.check(line.startswith("# ") or series.match(line), f"/metrics line {line!r}")
    failures.check(b"recoupe_http_requests_total{status=\"404\"}" in metrics.body,
                   "/metrics counts the 404s")
    ask(405, "POST", "/metrics", body=b"")

    ask(404, "GET", "/api/nothing-here")
    answer = server.request_with_length("POST", "/api/articles", 33 << 20)
    seen_statuses.add(answer.status)
    check_answer(spec, answer, failures, 413)

    failures.check(STATUSES_TO_SEE <= seen_statuses,
                   f"every documented status was seen: missing {STATUSES_TO_SEE - seen_statuses}")
    return recorded


# ---- The test can fail -------------------------------------------------------------------

# (schema, field): renaming the field in the file must make a recorded answer fail.
MUTATIONS = [("StorySummary", "version"), ("StoryList", "next_cursor"), ("ReportStory", "sources"),
             ("ReportArticle", "words"), ("StoredArticle", "revisions"), ("Revision", "content_hash"),
             ("Article", "paragraphs"), ("IngestSummary", "stories_touched"), ("Health", "status"),
             ("Error", "error")]


def rename(spec_doc, schema, field):
    doc = copy.deepcopy(spec_doc)
    s = doc["components"]["schemas"][schema]
    s["properties"][field + "_renamed"] = s["properties"].pop(field)
    s["required"] = [field + "_renamed" if r == field else r for r in s["required"]]
    return doc


def check_can_fail(spec, recorded, failures):
    for schema, field in MUTATIONS:
        mutated = Spec(rename(spec.doc, schema, field))
        refused = any(mutated.validate(node, body) for _, node, body in recorded)
        failures.check(refused, f"renaming {schema}.{field} in the file makes an answer fail")
    # A field missing from an answer, and one added, fail against the file as it is.
    for key in ("version", "stories_touched", "content_hash"):
        for _, node, body in recorded:
            target = find_object_with(body, key)
            if target is None:
                continue
            broken = copy.deepcopy(body)
            obj = find_object_with(broken, key)
            obj[key + "s"] = obj.pop(key)
            failures.check(bool(spec.validate(node, broken)),
                           f"an answer whose {key} is renamed fails")
            del obj[key + "s"]
            failures.check(bool(spec.validate(node, broken)),
                           f"an answer without {key} fails")
            break
        else:
            failures.check(False, f"no answer had a field {key} to break")


def find_object_with(node, key):
    if isinstance(node, dict):
        if key in node:
            return node
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = find_object_with(child, key)
        if found is not None:
            return found
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--examples", required=True)
    args = parser.parse_args()
    failures = Failures()
    spec_doc = yaml.safe_load(open(args.spec))
    check_file(spec_doc, failures)
    spec = Spec(spec_doc)
    work = tempfile.mkdtemp(prefix="recoupe-openapi-")
    server = None
    try:
        server = Server(args.binary, [args.examples], os.path.join(work, "recoupe.db"))
        recorded = exercise(spec, server, failures)
        check_can_fail(spec, recorded, failures)
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    for f in failures.failed[:40]:
        print("FAIL:", f)
    print(f"{failures.passed} passed, {len(failures.failed)} failed")
    return 0 if not failures.failed else 1


if __name__ == "__main__":
    sys.exit(main())
