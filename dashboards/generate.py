#!/usr/bin/env python3
"""Writes the Grafana dashboards of pokeapi-observability (dashboards/*.json).

The JSON files are committed; this script is how they are made, so that every panel follows the
same conventions: Prometheus data source uid "prometheus", Loki uid "loki" (see
provisioning/datasources/datasources.yml), schemaVersion 39, template variables that the panel
check of deploy/e2e (DashboardPanelsHaveDataTest) resolves the way Grafana does.

    python3 dashboards/generate.py        # rewrites dashboards/*.json
    python3 dashboards/generate.py DIR    # writes them to DIR instead (deploy/checks compares)

Only metric names the services really register belong here: the probe's and the diff service's
are in their READMEs; load-service and reporter-service metrics are those of issues 10 and 11.
"""
import json
import os
import sys

PROM = {"type": "prometheus", "uid": "prometheus"}
LOKI = {"type": "loki", "uid": "loki"}
HERE = os.path.dirname(os.path.abspath(__file__))


class Board:
    def __init__(self, uid, title, description, tags, variables=()):
        self.uid, self.title, self.description, self.tags = uid, title, description, tags
        self.variables = list(variables)
        self.panels = []
        self.x = 0
        self.y = 0
        self.row_height = 0

    def row(self, title):
        self._newline()
        self.panels.append(
            {
                "type": "row",
                "title": title,
                "id": len(self.panels) + 1,
                "collapsed": False,
                "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y},
                "panels": [],
            }
        )
        self.y += 1
        return self

    def _newline(self):
        if self.x:
            self.y += self.row_height
            self.x = 0
            self.row_height = 0

    def panel(self, kind, title, targets, description, w=12, h=8, unit=None, ds=PROM, **extra):
        if self.x + w > 24:
            self._newline()
        field_defaults = {"unit": unit} if unit else {}
        field_defaults.update(extra.pop("field_defaults", {}))
        panel = {
            "type": kind,
            "title": title,
            "description": description,
            "id": len(self.panels) + 1,
            "datasource": ds,
            "gridPos": {"h": h, "w": w, "x": self.x, "y": self.y},
            "fieldConfig": {"defaults": field_defaults, "overrides": []},
            "options": extra.pop("options", {}),
            "targets": [],
        }
        for i, target in enumerate(targets):
            if isinstance(target, str):
                target = (target, "")
            expr, legend = target[0], target[1]
            t = {"refId": chr(ord("A") + i), "datasource": ds, "expr": expr}
            if ds is PROM:
                t["legendFormat"] = legend or "__auto"
                t["range"] = True
                if kind in ("heatmap",):
                    t["format"] = "heatmap"
            else:
                t["queryType"] = "range"
            t.update(target[2] if len(target) > 2 else {})
            panel["targets"].append(t)
        panel.update(extra)
        self.panels.append(panel)
        self.x += w
        self.row_height = max(self.row_height, h)
        return self

    def to_json(self):
        return {
            "uid": self.uid,
            "title": self.title,
            "description": self.description,
            "tags": ["pokeapi-observability"] + self.tags,
            "schemaVersion": 39,
            "version": 1,
            "editable": True,
            "graphTooltip": 1,
            "timezone": "utc",
            "refresh": "30s",
            "time": {"from": "now-6h", "to": "now"},
            "timepicker": {},
            "fiscalYearStartMonth": 0,
            "liveNow": False,
            "annotations": {
                "list": [
                    {
                        "builtIn": 1,
                        "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                        "enable": True,
                        "hide": True,
                        "iconColor": "rgba(0, 211, 255, 1)",
                        "name": "Annotations & Alerts",
                        "type": "dashboard",
                    }
                ]
            },
            "links": [
                {
                    "type": "dashboards",
                    "tags": ["pokeapi-observability"],
                    "asDropdown": True,
                    "title": "pokeapi-observability",
                    "includeVars": False,
                    "keepTime": True,
                }
            ],
            "templating": {"list": self.variables},
            "panels": self.panels,
        }


def query_var(name, label, query, multi=True, include_all=True):
    return {
        "name": name,
        "label": label,
        "type": "query",
        "datasource": PROM,
        "definition": query,
        "query": {"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery"},
        "refresh": 2,
        "sort": 1,
        "multi": multi,
        "includeAll": include_all,
        "allValue": ".*",
        "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
        "options": [],
        "hide": 0,
        "regex": "",
    }


TS = "timeseries"
LATENCY_FIELDS = {"min": 0}


def api_performance():
    b = Board(
        "pokeapi-api-performance",
        "PokéAPI performance",
        "What probe-service measures calling PokéAPI: latency, request rate, errors and circuit breakers per endpoint.",
        ["probe"],
        [query_var("endpoint", "Endpoint", "label_values(pokeapi_requests_total, endpoint)")],
    )
    sel = 'endpoint=~"$endpoint"'
    b.row("Latency")
    b.panel(TS, "Latency by endpoint (p50)",
            [(f"histogram_quantile(0.5, sum by (endpoint, le) (rate(pokeapi_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))", "{{endpoint}}")],
            "Median duration of requests to PokéAPI per endpoint (retries counted as requests).", unit="s")
    b.panel(TS, "p95 per endpoint",
            [(f"histogram_quantile(0.95, sum by (endpoint, le) (rate(pokeapi_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))", "{{endpoint}}")],
            "95th percentile per endpoint; the PokeApiHighP95Latency alert fires above 0.5 s for 5 minutes.", unit="s",
            field_defaults={"thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 0.5}]},
                            "custom": {"thresholdsStyle": {"mode": "line"}}})
    b.panel(TS, "Latency percentiles, all endpoints",
            [(f"histogram_quantile({q}, sum by (le) (rate(pokeapi_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))", f"p{int(q * 100)}")
             for q in (0.5, 0.95, 0.99)],
            "p50, p95 and p99 over the selected endpoints.", unit="s")
    b.panel(TS, "Mean latency by endpoint",
            [(f"sum by (endpoint) (rate(pokeapi_request_duration_seconds_sum{{{sel}}}[$__rate_interval])) / sum by (endpoint) (rate(pokeapi_request_duration_seconds_count{{{sel}}}[$__rate_interval]))", "{{endpoint}}")],
            "Mean duration per endpoint.", unit="s")
    b.row("Traffic and errors")
    b.panel(TS, "Request rate by endpoint",
            [(f"sum by (endpoint) (rate(pokeapi_requests_total{{{sel}}}[$__rate_interval]))", "{{endpoint}}")],
            "Requests per second sent to PokéAPI (retries included).", unit="reqps")
    b.panel(TS, "Error rate by endpoint",
            [(f"(sum by (endpoint) (rate(pokeapi_failures_total{{{sel}}}[$__rate_interval])) or 0 * sum by (endpoint) (rate(pokeapi_requests_total{{{sel}}}[$__rate_interval]))) / sum by (endpoint) (rate(pokeapi_requests_total{{{sel}}}[$__rate_interval]))", "{{endpoint}}")],
            "Failures per request (0 for an endpoint without failures); the PokeApiHighFailureRate alert fires above 10 % for 10 minutes.", unit="percentunit")
    b.panel(TS, "Failures by type",
            [(f"sum by (failure_type) (increase(pokeapi_failures_total{{{sel}}}[$__rate_interval]))", "{{failure_type}}")],
            "Failures classified by the probe (timeout, connection, http_5xx, rate_limited, schema_validation, assertion, circuit_open...).",
            unit="short")
    b.panel(TS, "Bytes received by endpoint",
            [(f"sum by (endpoint) (rate(pokeapi_response_bytes_total{{{sel}}}[$__rate_interval]))", "{{endpoint}}")],
            "Body bytes per second received from PokéAPI.", unit="Bps")
    b.row("Resilience")
    b.panel("state-timeline", "Circuit breakers",
            [(f"max by (endpoint) (pokeapi_circuit_breaker_state{{{sel}}})", "{{endpoint}}")],
            "Per endpoint: 0 closed, 1 open, 2 half-open.", w=16,
            field_defaults={"mappings": [{"type": "value", "options": {
                "0": {"text": "closed", "color": "green"}, "1": {"text": "open", "color": "red"},
                "2": {"text": "half-open", "color": "orange"}}}]})
    b.panel("stat", "429 answers (last hour)",
            ["sum(increase(pokeapi_rate_limited_total[1h]))"],
            "429 Too Many Requests received from PokéAPI in the last hour.", w=8, unit="short")
    return b


def test_execution():
    b = Board(
        "pokeapi-test-execution",
        "Test execution",
        "The probe's suites: checks passed and failed over time, failure types, last runs and flaky checks.",
        ["probe", "reporter"],
        [query_var("suite", "Suite", "label_values(pokeapi_checks_total, suite)")],
    )
    sel = 'suite=~"$suite"'
    b.row("Checks")
    b.panel(TS, "Checks over time by status",
            [(f"sum by (status) (increase(pokeapi_checks_total{{{sel}}}[$__rate_interval]))", "{{status}}")],
            "Checks ended per interval: passed, failed, skipped.", unit="short",
            field_defaults={"custom": {"drawStyle": "bars", "stacking": {"mode": "normal"}}})
    b.panel("stat", "Pass rate by suite",
            [(f"sum by (suite) (pokeapi_checks_total{{{sel},status=\"passed\"}}) / sum by (suite) (pokeapi_checks_total{{{sel},status=~\"passed|failed\"}})", "{{suite}}")],
            "Passed checks over passed and failed since the probe started.", unit="percentunit",
            field_defaults={"thresholds": {"mode": "absolute", "steps": [{"color": "red", "value": None}, {"color": "orange", "value": 0.95}, {"color": "green", "value": 0.999}]}})
    b.panel("piechart", "Pass / fail",
            [(f"sum by (status) (pokeapi_checks_total{{{sel}}})", "{{status}}")],
            "All checks since the probe started, by status.", w=8)
    b.panel(TS, "Failure types",
            [("sum by (failure_type) (increase(pokeapi_failures_total[$__rate_interval]))", "{{failure_type}}")],
            "Failures by type over time.", w=16, unit="short")
    b.row("Runs")
    b.panel("table", "Last run of each suite",
            [(f"max by (suite) (pokeapi_test_execution_timestamp{{{sel}}}) * 1000", "{{suite}}", {"format": "table", "instant": True, "range": False})],
            "When a run of each suite last finished.", unit="dateTimeAsIso")
    b.panel(TS, "Runs skipped (overlap)",
            [(f"sum by (suite) (increase(pokeapi_runs_skipped_total{{{sel}}}[1h])) or 0 * max by (suite) (pokeapi_test_execution_timestamp{{{sel}}})", "{{suite}}")],
            "Scheduled runs not started because a run of the same suite was still going (0 for a suite that ran without overlap).", unit="short")
    b.panel(TS, "Runs by verdict",
            [(f"sum by (suite, verdict) (increase(pokeapi_runs_finished_total{{{sel}}}[$__rate_interval]))", "{{suite}} {{verdict}}")],
            "Finished runs: passed (no failed check), failed, incomplete.", unit="short",
            field_defaults={"custom": {"drawStyle": "bars", "stacking": {"mode": "normal"}}})
    b.panel("stat", "Failed checks of the last run",
            [(f"max by (suite) (pokeapi_run_failed_checks{{{sel}}})", "{{suite}}")],
            "Failed checks of each suite's last finished run.", unit="short",
            field_defaults={"thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 1}]}})
    b.row("Reruns and flaky checks (probe-service)")
    b.panel(TS, "Failed checks re-run, and flaky ones",
            [("sum by (endpoint) (increase(pokeapi_check_reruns_total[$__rate_interval])) or 0 * sum by (endpoint) (increase(pokeapi_requests_total[$__rate_interval]))", "re-run {{endpoint}}"),
             ("sum by (endpoint) (increase(pokeapi_check_flaky_total[$__rate_interval])) or 0 * sum by (endpoint) (increase(pokeapi_requests_total[$__rate_interval]))", "flaky {{endpoint}}")],
            "A failed check is re-run (probe.checks.reruns); one that then passes is flaky (0 for an endpoint without either).",
            w=24, unit="short")
    b.row("Flaky checks (reporter-service)")
    b.panel("bargauge", "Flakiest checks",
            [("topk(10, max by (test_name) (pokeapi_test_flakiness_rate))", "{{test_name}}", {"instant": True, "range": False})],
            "Share of runs in which a check flipped between pass and fail (reporter-service).", unit="percentunit")
    b.panel(TS, "Flaky results over time",
            [("sum by (test_name) (increase(pokeapi_test_flakiness_total[$__rate_interval]))", "{{test_name}}")],
            "Flips between pass and fail counted by reporter-service.", unit="short")
    b.panel(TS, "Published to ReportPortal",
            [("sum by (kind) (rate(reporter_published_total[$__rate_interval]))", "{{kind}}")],
            "Launches, items and logs reporter-service sent to ReportPortal.", unit="ops")
    b.panel(TS, "ReportPortal backlog and errors",
            [("max(reporter_backlog)", "backlog"), ("sum by (kind) (increase(reporter_errors_total[$__rate_interval]))", "errors {{kind}}")],
            "Events waiting to be sent, and failed sends.", unit="short")
    return b


def load_tests():
    b = Board(
        "pokeapi-load-tests",
        "Load tests",
        "load-service runs: virtual users, throughput, failures, latency percentiles and distribution, generator saturation.",
        ["load"],
        [query_var("endpoint", "Endpoint", "label_values(pokeapi_load_requests_total, endpoint)")],
    )
    sel = 'endpoint=~"$endpoint"'
    b.row("Run")
    b.panel(TS, "Virtual users", [("sum(pokeapi_load_users)", "users")], "Users (or open-model arrivals) the generator drives.", w=8, unit="short")
    b.panel(TS, "Requests per second",
            [(f"sum by (endpoint) (rate(pokeapi_load_requests_total{{{sel}}}[$__rate_interval]))", "{{endpoint}}")],
            "Completed requests per second by endpoint.", w=8, unit="reqps")
    b.panel("state-timeline", "Running / saturated",
            [("max(pokeapi_load_running)", "running"), ("max(pokeapi_load_saturated)", "generator saturated")],
            "Whether a run is going, and whether the generator itself is saturated (a saturated run is not valid).", w=8,
            field_defaults={"mappings": [{"type": "value", "options": {"0": {"text": "no", "color": "green"}, "1": {"text": "yes", "color": "red"}}}]})
    b.row("Latency")
    b.panel(TS, "Latency percentiles",
            [(f"histogram_quantile({q}, sum by (le) (rate(pokeapi_load_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))", f"p{q * 100:g}")
             for q in (0.5, 0.9, 0.95, 0.99, 0.999)],
            "Percentiles from the generator's histograms (coordinated omission corrected by load-service).", unit="s")
    b.panel("heatmap", "Latency distribution",
            [(f"sum by (le) (increase(pokeapi_load_request_duration_seconds_bucket{{{sel}}}[$__rate_interval]))", "{{le}}")],
            "Requests per latency bucket over time.",
            options={"calculate": False, "yAxis": {"unit": "s"}, "cellGap": 1, "color": {"mode": "scheme", "scheme": "Oranges"}})
    b.row("Failures")
    b.panel(TS, "Failures by status",
            [(f"sum by (status) (rate(pokeapi_load_requests_total{{{sel},status!~\"2..|3..\"}}[$__rate_interval])) or label_replace(0 * sum(rate(pokeapi_load_requests_total{{{sel}}}[$__rate_interval])), \"status\", \"none\", \"\", \"\")", "{{status}}")],
            "Answers other than 2xx/3xx and connection errors, per second (0, as status none, while a run has none).", unit="reqps")
    b.panel(TS, "Error rate", [(f"(sum(rate(pokeapi_load_requests_total{{{sel},status!~\"2..|3..\"}}[$__rate_interval])) or 0 * sum(rate(pokeapi_load_requests_total{{{sel}}}[$__rate_interval]))) / sum(rate(pokeapi_load_requests_total{{{sel}}}[$__rate_interval]))", "errors")],
            "Share of failed requests; PokeApiLoadErrorRate fires above 5 % for 2 minutes.", unit="percentunit")
    b.panel(TS, "Dropped requests", [("sum(rate(pokeapi_load_dropped_total[$__rate_interval]))", "dropped")],
            "Requests the open model could not start in time (the generator fell behind its schedule).", unit="reqps")
    return b


def drift():
    b = Board(
        "pokeapi-drift",
        "Drift",
        "Schema and data changes diff-service detected, by endpoint, and latency against the baselines. Each change's release (X-PokeAPI-Hash) is in GET /api/v1/drift-events and in the Loki logs.",
        ["diff"],
        [query_var("endpoint", "Endpoint", "label_values(pokeapi_schema_changes_total, endpoint)")],
    )
    b.row("Changes")
    b.panel(TS, "Schema changes over time",
            [("sum by (endpoint, change_type) (increase(pokeapi_schema_changes_total{endpoint=~\"$endpoint\"}[$__rate_interval]))", "{{endpoint}} {{change_type}}")],
            "Schema changes per endpoint and change type.", unit="short",
            field_defaults={"custom": {"drawStyle": "bars", "stacking": {"mode": "normal"}}})
    b.panel(TS, "Data changes over time",
            [("sum by (endpoint) (increase(pokeapi_data_changes_total[$__rate_interval]))", "{{endpoint}}")],
            "Changed resource bodies per endpoint.", unit="short",
            field_defaults={"custom": {"drawStyle": "bars", "stacking": {"mode": "normal"}}})
    b.panel("table", "Schema changes by endpoint and type",
            [("sum by (endpoint, change_type) (pokeapi_schema_changes_total{endpoint=~\"$endpoint\"})", "", {"format": "table", "instant": True, "range": False})],
            "All schema changes recorded since diff-service started.")
    b.panel("bargauge", "Data changes by endpoint",
            [("sum by (endpoint) (pokeapi_data_changes_total)", "{{endpoint}}", {"instant": True, "range": False})],
            "All data changes recorded since diff-service started.", unit="short")
    b.row("Snapshots and baselines")
    b.panel(TS, "Snapshots stored vs deduplicated",
            [("sum(rate(pokeapi_snapshots_stored_total[$__rate_interval]))", "stored"),
             ("sum(rate(pokeapi_snapshots_deduplicated_total[$__rate_interval]))", "already stored"),
             ("sum(rate(pokeapi_captures_ingested_total[$__rate_interval]))", "captures ingested")],
            "Captures taken from Kafka, and how many brought a new body.", unit="ops")
    b.panel("state-timeline", "Latency regression vs baseline",
            [("max by (endpoint) (pokeapi_latency_regression)", "{{endpoint}}")],
            "1 while the endpoint's last evaluated run was slower than its 7-day baseline by more than the threshold.",
            field_defaults={"mappings": [{"type": "value", "options": {"0": {"text": "ok", "color": "green"}, "1": {"text": "regressed", "color": "red"}}}]})
    b.row("Drift log lines (Loki)")
    b.panel("logs", "Drift warnings",
            [('{service="diff-service", level="WARN"} |~ "Schema drift|Latency regression"', "")],
            "diff-service's warnings about schema drift and latency regressions, from Loki.", w=24, ds=LOKI)
    return b


def service_health(service, port, extra):
    b = Board(
        f"pokeapi-health-{service}",
        f"Service health: {service}",
        f"JVM, HTTP, Kafka{' and database' if service == 'diff-service' else ''} of {service} (port {port}).",
        ["health", service.split("-")[0]],
    )
    app = f'application="{service}"'
    b.row("Up and JVM")
    b.panel("stat", "Up", [(f'up{{job="{service}"}}', "{{instance}}")], "Whether Prometheus scrapes the service.", w=4,
            field_defaults={"mappings": [{"type": "value", "options": {"0": {"text": "DOWN", "color": "red"}, "1": {"text": "UP", "color": "green"}}}]})
    b.panel("stat", "Uptime", [(f"max(process_uptime_seconds{{{app}}})", "uptime")], "Seconds since start.", w=4, unit="s")
    b.panel(TS, "Heap used / max",
            [(f'sum(jvm_memory_used_bytes{{{app},area="heap"}})', "used"), (f'sum(jvm_memory_max_bytes{{{app},area="heap"}} > 0)', "max")],
            "JVM heap (the container's memory limit sizes it: MaxRAMPercentage).", w=8, unit="bytes")
    b.panel(TS, "CPU", [(f"max(process_cpu_usage{{{app}}})", "process"), (f"max(system_cpu_usage{{{app}}})", "system")],
            "CPU use of the process and of the machine (0-1).", w=8, unit="percentunit")
    b.panel(TS, "GC pause time", [(f"sum by (gc) (rate(jvm_gc_pause_seconds_sum{{{app}}}[$__rate_interval]))", "{{gc}}")],
            "Seconds per second spent in GC pauses.", w=8, unit="s")
    b.panel(TS, "Threads", [(f"sum(jvm_threads_live_threads{{{app}}})", "live")], "Live JVM threads.", w=8, unit="short")
    b.panel(TS, "HTTP requests served",
            [(f'sum by (uri, status) (rate(http_server_requests_seconds_count{{{app},uri!~"/q/.*"}}[$__rate_interval]))', "{{uri}} {{status}}")],
            "Requests to the service's own REST API (health and metrics excluded).", w=8, unit="reqps")
    for item in extra:
        if item == "row":
            continue
        if isinstance(item, str):
            b.row(item)
        else:
            b.panel(**item)
    return b


def kafka_producer_rate(app, what, title, description):
    # Per-topic series appear only once a record went to that topic since the start; until then
    # (a diff service that has published no drift yet) the producer-wide total shows 0, not nothing.
    by_topic = f"sum by (topic) (rate(kafka_producer_topic_record_{what}_total{{{app}}}[$__rate_interval]))"
    overall = f"sum(rate(kafka_producer_record_{what}_total{{{app}}}[$__rate_interval]))"
    return {"kind": TS, "title": title,
            "targets": [(f'{by_topic} or on() label_replace({overall}, "topic", "all topics", "", "")', "{{topic}}")],
            "description": description, "unit": "ops"}


def kafka_producer(app):
    return kafka_producer_rate(app, "send", "Kafka records sent",
                               "Records produced per second by topic (all topics together until the first record).")


def kafka_producer_errors(app):
    return kafka_producer_rate(app, "error", "Kafka send errors", "Records the producer failed to send, by topic.")


def kafka_lag(app):
    return {"kind": TS, "title": "Kafka consumer lag",
            "targets": [(f"max by (client_id) (kafka_consumer_fetch_manager_records_lag_max{{{app}}})", "{{client_id}}")],
            "description": "Largest lag (records behind the end of a partition) per consumer (one per channel).", "unit": "short"}


def kafka_consumed(app):
    return {"kind": TS, "title": "Kafka records consumed",
            "targets": [(f"sum by (client_id) (rate(kafka_consumer_fetch_manager_records_consumed_total{{{app}}}[$__rate_interval]))", "{{client_id}}")],
            "description": "Records consumed per second per consumer (one per channel).", "unit": "ops"}


def main():
    boards = [api_performance(), test_execution(), load_tests(), drift()]
    probe = 'application="probe-service"'
    diff = 'application="diff-service"'
    load = 'application="load-service"'
    reporter = 'application="reporter-service"'
    boards.append(service_health("probe-service", 8081, [
        "Kafka", kafka_producer(probe), kafka_producer_errors(probe),
        "Fault tolerance",
        {"kind": TS, "title": "Retries",
         "targets": [(f"sum(rate(ft_retry_retries_total{{{probe}}}[$__rate_interval]))", "retries/s")],
         "description": "Retries SmallRye Fault Tolerance made (network errors, 5xx).", "unit": "ops"}]))
    boards.append(service_health("diff-service", 8082, [
        "Kafka", kafka_lag(diff), kafka_consumed(diff), kafka_producer(diff),
        "Database",
        {"kind": TS, "title": "Database pool (reactive PostgreSQL client)",
         "targets": [(f"sum(sql_pool_active{{{diff}}})", "in use"), (f"sum(sql_pool_idle{{{diff}}})", "idle"),
                     (f"sum(sql_pool_queue_size{{{diff}}})", "waiting")],
         "description": "Connections of the reactive pool in use and idle, and requests waiting for one.", "unit": "short"},
        {"kind": TS, "title": "Database statements",
         "targets": [(f"sum(rate(postgresql_processing_seconds_count{{{diff}}}[$__rate_interval]))", "statements/s"),
                     (f"sum(rate(postgresql_processing_seconds_sum{{{diff}}}[$__rate_interval])) / sum(rate(postgresql_processing_seconds_count{{{diff}}}[$__rate_interval]))", "mean time")],
         "description": "Statements the reactive client ran per second, and their mean duration (s).", "unit": "short"},
    ]))
    boards.append(service_health("load-service", 8083, ["Kafka", kafka_producer(load)]))
    boards.append(service_health("reporter-service", 8084, ["Kafka", kafka_lag(reporter), kafka_consumed(reporter)]))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
    for board in boards:
        path = os.path.join(out_dir, board.uid.replace("pokeapi-", "") + ".json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(board.to_json(), out, indent=2, ensure_ascii=False)
            out.write("\n")
        print(path)


if __name__ == "__main__":
    main()
