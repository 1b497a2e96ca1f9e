-- The diff service's store: content-addressed snapshots, endpoint schemas and their changes,
-- data changes, probe latencies and performance baselines.
--
-- Idempotence rests on the unique constraints below: every writer uses ON CONFLICT, so replaying
-- pokeapi.api-responses (or a crash between the database commit and the Kafka offset commit)
-- never adds a row twice.

-- Probe runs as the diff service knows them: from pokeapi.run-events and from the captures.
-- finish_seen_at and last_ingested_at are the database's clock (not the probe's), so that the
-- wait for a finished run's last captures does not depend on clock skew or consumer lag.
CREATE TABLE probe_runs (
    run_id            uuid PRIMARY KEY,
    suite             text,
    endpoints         text[]      NOT NULL DEFAULT '{}',
    started_at        timestamptz,
    finished_at       timestamptz,
    finish_seen_at    timestamptz,
    status            text,
    requests          bigint,
    release_hash      text,
    deploy_date       text,
    first_captured_at timestamptz,
    last_captured_at  timestamptz,
    last_ingested_at  timestamptz,
    finalized_at      timestamptz
);
CREATE INDEX probe_runs_to_finalize_idx ON probe_runs (finished_at)
    WHERE finished_at IS NOT NULL AND finalized_at IS NULL;

-- Schemas are kept per schema scope: the endpoint for its resources (pokemon), the endpoint and
-- the sub-resource or list for the others (pokemon:encounters, pokemon:list), so that list pages
-- and sub-resources never blend into the shape of the resources.

-- The distinct shapes (count-free inferred schemas) of the documents of a scope. A snapshot
-- points to its shape, so the schema of a run can be rebuilt without reading any body.
CREATE TABLE schema_shapes (
    schema_scope text        NOT NULL,
    fingerprint  text        NOT NULL,
    schema       jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schema_scope, fingerprint)
);

-- One row per distinct body of a resource. A resource is identified by the body's "id" (so the
-- answers by id and by name are one resource) or, for bodies without one, by the resource key.
-- The body is stored once under its SHA-256; a sweep
-- that finds the same body again only moves last_seen (columns without an index, so PostgreSQL
-- can update the row in place and the TOASTed body is never rewritten).
CREATE TABLE snapshots (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint          text        NOT NULL,
    resource_id       text        NOT NULL,
    id_from_body      boolean     NOT NULL,
    resource_name     text,
    resource_key      text        NOT NULL,
    sha256            text        NOT NULL,
    body              jsonb       NOT NULL,
    body_bytes        integer     NOT NULL,
    schema_scope      text        NOT NULL,
    shape             text        NOT NULL,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    first_run_id      uuid        NOT NULL,
    last_run_id       uuid        NOT NULL,
    release_hash      text,
    deploy_date       text,
    last_release_hash text,
    CONSTRAINT snapshots_content_key UNIQUE (endpoint, sha256, resource_id),
    CONSTRAINT snapshots_shape_fk FOREIGN KEY (schema_scope, shape) REFERENCES schema_shapes
) WITH (fillfactor = 80);
CREATE INDEX snapshots_resource_idx ON snapshots (endpoint, resource_id, first_seen DESC, id DESC);
-- Lets the REST API find a resource by name (pokemon/pikachu).
CREATE INDEX snapshots_name_idx ON snapshots (endpoint, lower(resource_name));

-- The current version of each resource: the body the newest observation returned.
CREATE TABLE resource_heads (
    endpoint    text        NOT NULL,
    resource_id text        NOT NULL,
    snapshot_id bigint      NOT NULL REFERENCES snapshots (id),
    sha256      text        NOT NULL,
    observed_at timestamptz NOT NULL,
    PRIMARY KEY (endpoint, resource_id)
);

-- The resource each requested key answered with (pokemon/pikachu -> 25), so that a 304 Not
-- Modified, which carries no body, still counts as a sighting of the resource's current body.
CREATE TABLE resource_keys (
    endpoint     text NOT NULL,
    resource_key text NOT NULL,
    resource_id  text NOT NULL,
    PRIMARY KEY (endpoint, resource_key)
);

-- Which shapes each run saw per scope: the schema of a run is the merge of its shapes.
CREATE TABLE run_shapes (
    run_id       uuid NOT NULL,
    schema_scope text NOT NULL,
    fingerprint  text NOT NULL,
    PRIMARY KEY (run_id, schema_scope, fingerprint)
);

-- The JSON Schema (draft 2020-12, written by the common-model engine) of each scope, versioned.
-- origin: baseline (first full sweep), document (a document showed a new shape), sweep (a later
-- full sweep settled the shape, for example after a field disappeared).
CREATE TABLE schema_versions (
    schema_scope text        NOT NULL,
    version      integer     NOT NULL,
    schema       jsonb       NOT NULL,
    origin       text        NOT NULL CHECK (origin IN ('baseline', 'document', 'sweep')),
    run_id       uuid,
    release_hash text,
    deploy_date  text,
    documents    bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (schema_scope, version)
);

-- The head of each scope's schema; whoever adds a version holds the scope's advisory lock.
CREATE TABLE schema_heads (
    schema_scope    text PRIMARY KEY,
    current_version integer     NOT NULL,
    sweep_version   integer     NOT NULL,
    updated_at      timestamptz NOT NULL,
    FOREIGN KEY (schema_scope, current_version) REFERENCES schema_versions,
    FOREIGN KEY (schema_scope, sweep_version) REFERENCES schema_versions
);

-- Each schema change once: the version it produced, its type and path.
CREATE TABLE schema_changes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schema_scope   text        NOT NULL,
    schema_version integer     NOT NULL,
    change_type    text        NOT NULL,
    path           text        NOT NULL,
    old_value      text,
    new_value      text,
    breaking       boolean     NOT NULL,
    resource_key   text,
    resource_id    text,
    run_id         uuid,
    release_hash   text,
    deploy_date    text,
    detected_at    timestamptz NOT NULL,
    CONSTRAINT schema_changes_once UNIQUE (schema_scope, schema_version, change_type, path),
    FOREIGN KEY (schema_scope, schema_version) REFERENCES schema_versions
);
CREATE INDEX schema_changes_time_idx ON schema_changes (detected_at DESC, id DESC);
CREATE INDEX schema_changes_scope_time_idx ON schema_changes (schema_scope, detected_at DESC, id DESC);

-- Each data change once per pair of bodies of a resource, as JSON Patch operations with the old
-- values (operations) and as plain RFC 6902 (json_patch).
CREATE TABLE data_changes (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint              text        NOT NULL,
    resource_id           text        NOT NULL,
    resource_key          text        NOT NULL,
    from_sha256           text        NOT NULL,
    to_sha256             text        NOT NULL,
    from_snapshot_id      bigint      NOT NULL REFERENCES snapshots (id),
    to_snapshot_id        bigint      NOT NULL REFERENCES snapshots (id),
    operations            jsonb       NOT NULL,
    json_patch            jsonb       NOT NULL,
    operation_count       integer     NOT NULL,
    run_id                uuid        NOT NULL,
    release_hash          text,
    deploy_date           text,
    previous_release_hash text,
    edge_inconsistency    boolean     NOT NULL,
    inconsistency         text CHECK (inconsistency IN ('same-release', 'same-run')),
    detected_at           timestamptz NOT NULL,
    CONSTRAINT data_changes_once UNIQUE (endpoint, resource_id, from_sha256, to_sha256)
);
CREATE INDEX data_changes_time_idx ON data_changes (detected_at DESC, id DESC);
CREATE INDEX data_changes_endpoint_time_idx ON data_changes (endpoint, detected_at DESC, id DESC);
CREATE INDEX data_changes_resource_idx ON data_changes (endpoint, resource_id, detected_at DESC);

-- One row per captured response: the probe latencies behind the baselines, and the count of
-- captures (and of documents per scope: a 200 with a body, or a 304 of a known resource) a run
-- delivered.
CREATE TABLE latency_samples (
    run_id       uuid        NOT NULL,
    url          text        NOT NULL,
    method       text        NOT NULL,
    captured_at  timestamptz NOT NULL,
    endpoint     text        NOT NULL,
    resource_key text        NOT NULL,
    status       integer     NOT NULL,
    latency_us   bigint,
    schema_scope text        NOT NULL,
    document     boolean     NOT NULL,
    PRIMARY KEY (run_id, url, method, captured_at)
);
CREATE INDEX latency_samples_window_idx ON latency_samples (schema_scope, captured_at);
CREATE INDEX latency_samples_age_idx ON latency_samples (captured_at);

-- p50, p95 and p99 of the probe latency per endpoint over a sliding window, recomputed on a
-- schedule. "endpoint" is the schema scope here too: list pages (pokemon:list) and sub-resources
-- (pokemon:encounters) answer at other speeds than the resources and get baselines of their own.
CREATE TABLE performance_baselines (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint     text             NOT NULL,
    computed_at  timestamptz      NOT NULL,
    window_start timestamptz      NOT NULL,
    window_end   timestamptz      NOT NULL,
    sample_size  bigint           NOT NULL,
    p50_ms       double precision NOT NULL,
    p95_ms       double precision NOT NULL,
    p99_ms       double precision NOT NULL,
    CONSTRAINT performance_baselines_once UNIQUE (endpoint, computed_at)
);
CREATE INDEX performance_baselines_latest_idx ON performance_baselines (endpoint, computed_at DESC);

-- The latency of each finished run per endpoint against the baseline of the time.
CREATE TABLE latency_evaluations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            uuid             NOT NULL,
    endpoint          text             NOT NULL,
    percentile        text             NOT NULL,
    run_value_ms      double precision NOT NULL,
    run_samples       bigint           NOT NULL,
    baseline_id       bigint           NOT NULL REFERENCES performance_baselines (id),
    baseline_value_ms double precision NOT NULL,
    threshold         double precision NOT NULL,
    regressed         boolean          NOT NULL,
    evaluated_at      timestamptz      NOT NULL,
    CONSTRAINT latency_evaluations_once UNIQUE (run_id, endpoint)
);
CREATE INDEX latency_evaluations_endpoint_idx ON latency_evaluations (endpoint, evaluated_at DESC, id DESC);

-- Transactional outbox: drift events are written with the changes they announce and relayed to
-- Kafka after the commit, so a crash never loses one.
CREATE TABLE outbox_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
