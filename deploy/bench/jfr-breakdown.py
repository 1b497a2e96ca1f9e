#!/usr/bin/env python3
"""Where a service's CPU time goes, from a JDK Flight Recorder recording.

    deploy/bench/jfr-breakdown.py RECORDING.jfr [--jfr PATH_TO_jfr] [--top N]

Reads the execution samples (jdk.ExecutionSample, Java code on CPU) with `jfr print`, and puts each
sample in the first category whose pattern matches a frame, scanning each stack from the running
frame towards the thread's root (generic categories, Vert.x, Jackson, java.util.concurrent, only
when nothing more specific is on the stack) (so a regex run by Hibernate Validator counts as model validation,
and Jackson called by the event serializer as serialization). Prints the share of each category,
the GC pauses and the allocation by class. A category list for the probe and one for the diff
service are built in; frames of neither fall in "other" with their top frame listed.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

# (category, regex on a frame), first match from the running frame wins
CATEGORIES = [
    ("jfr itself", r"^jdk\.jfr\.|^jdk\.internal\.classfile"),
    ("contract check (networknt JSON Schema)", r"com\.networknt\.schema|ContractSchemas\.validate"),
    ("model validation (Hibernate Validator)", r"org\.hibernate\.validator"),
    ("model constraints (one walk over the mapped record)", r"ModelConstraints"),
    ("model mapping (Jackson databind into the models)", r"ModelValidator\.|ModelValidation\."),
    ("ETag cache (deflate/inflate)", r"EtagCache\.|java\.util\.zip\.(Deflater|Inflater)"),
    ("event serialization (Jackson, to Kafka)", r"EventJson\.|JsonEventSerializer\."),
    ("event deserialization (Jackson, from Kafka)", r"JsonEventDeserializer|ApiResponseCapturedDeserializer|RunEventDeserializer"),
    ("zstd compression", r"com\.github\.luben\.zstd|zstd"),
    ("Kafka client (producer/consumer, network)", r"org\.apache\.kafka\."),
    ("SmallRye Reactive Messaging / Mutiny plumbing", r"io\.smallrye\.reactive\.messaging|io\.smallrye\.mutiny"),
    ("SHA-256", r"sun\.security\.provider\.(DigestBase|SHA)|MessageDigest|sha256Hex"),
    ("fault tolerance (SmallRye FT guards)", r"io\.smallrye\.faulttolerance"),
    ("logging", r"org\.jboss\.logmanager|org\.jboss\.logging|ProbeLog\.|JsonFormatter"),
    ("metrics (Micrometer)", r"io\.micrometer"),
    ("drift engine: schema inference/conformance", r"common\.schema\.|SchemaInferrer|SchemaConformance|DocumentDrift|ShapeFingerprint|Fingerprint"),
    ("drift engine: data diff", r"common\.datadiff|zjsonpatch"),
    ("document parsing (Jackson readTree)", r"DocumentParser\.|RunContext\.fetch|com\.fasterxml\.jackson\.databind\.ObjectMapper\.readTree"),
    ("PostgreSQL client (vertx-pg)", r"io\.vertx\.pgclient|io\.vertx\.sqlclient"),
    ("diff ingest logic", r"observability\.diff\."),
    ("probe checks (suite logic)", r"observability\.probe\.suite\."),
    ("HTTP client (RESTEasy Reactive client on Vert.x)", r"org\.jboss\.resteasy\.reactive\.client|io\.quarkus\.rest\.client|PokeApiRestClient"),
    ("ingest on the Kafka consumer thread", r"KafkaRecordBatch|ApiResponseConsumer|ResponseIngestor"),
]
# used only when no frame of the stack matches a category above
GENERIC = [
    ("Vert.x / Netty event loop (HTTP, other I/O)", r"io\.vertx\.|io\.netty\."),
    ("Jackson (other callers)", r"com\.fasterxml\.jackson"),
    ("virtual threads / scheduling / locks", r"java\.util\.concurrent\.|jdk\.internal\.vm\.Continuation|java\.lang\.VirtualThread"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in CATEGORIES]
COMPILED_GENERIC = [(name, re.compile(pattern)) for name, pattern in GENERIC]


def jfr_print(jfr, recording, events, depth=64):
    return subprocess.run(
        [jfr, "print", "--events", events, "--stack-depth", str(depth), recording],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def samples(text):
    """Yields (thread, [frames from the running one down])."""
    for block in text.split("\njdk.ExecutionSample {")[0:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", block.split("stackTrace = [", 1)[-1], re.M)
        frames = [f for f in frames if not f.startswith("]") and f != "..."]
        if frames:
            yield (thread.group(1) if thread else "?"), frames


def classify(frames):
    for rules in (COMPILED, COMPILED_GENERIC):
        for frame in frames:
            for name, pattern in rules:
                if pattern.search(frame):
                    return name, frame
    return "other", frames[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--jfr", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr"))
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()

    counts = collections.Counter()
    others = collections.Counter()
    threads = collections.Counter()
    total = 0
    for thread, frames in samples(jfr_print(args.jfr, args.recording, "jdk.ExecutionSample")):
        total += 1
        name, frame = classify(frames)
        counts[name] += 1
        threads[re.sub(r"[-#]?\d+$", "", thread)] += 1
        if name == "other":
            others[re.sub(r"\(.*", "", frame)] += 1
    print(f"{os.path.basename(args.recording)}: {total} execution samples (Java code on CPU)")
    for name, n in counts.most_common():
        print(f"  {100.0 * n / max(1, total):5.1f}%  {name}")
    if others:
        print("  other, by running method: " + ", ".join(f"{m} {n}" for m, n in others.most_common(args.top)))
    print("  by thread: " + ", ".join(f"{t} {100.0 * n / max(1, total):.0f}%" for t, n in threads.most_common(args.top)))

    gc = jfr_print(args.jfr, args.recording, "jdk.GarbageCollection", 1)
    pauses = [float(x) for x in re.findall(r"sumOfPauses = ([\d.]+) ms", gc)]
    secs = [float(x) for x in re.findall(r"sumOfPauses = ([\d.]+) s\b", gc)]
    names = collections.Counter(re.findall(r'name = "([^"]+)"', gc))
    print(f"  GC: {sum(pauses) / 1000 + sum(secs):.2f} s of pauses in {len(pauses) + len(secs)} collections ({', '.join(f'{k} {v}' for k, v in names.items())})")


if __name__ == "__main__":
    sys.exit(main())
