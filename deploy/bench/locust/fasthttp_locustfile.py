"""Locust peer for deploy/bench/load-throughput.sh: FastHttpUser (Locust's fast client), no wait
between tasks, one GET of the benchmark path per task. Each user keeps its own keep-alive
connection, so --users N means N connections. Run it with Debian's python3-locust:
/usr/bin/python3 -m locust -f fasthttp_locustfile.py --headless ..."""

import os

import locust.runners
from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

PATH = os.environ.get("BENCH_PATH", "/")

# Debian's python3-locust 2.12 has an empty __version__, and a master takes a worker that reports
# an empty version for a pre-2.0 one and ignores it: distributed runs never start. Master and
# workers import this file, so giving both the same non-empty version lets them talk.
if not locust.runners.__version__:
    locust.runners.__version__ = "2.12-debian"


class Bench(FastHttpUser):
    wait_time = constant(0)

    @task
    def get(self):
        self.client.get(PATH)
