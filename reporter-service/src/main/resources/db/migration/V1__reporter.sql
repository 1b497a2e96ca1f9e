-- reporter-service: what arrived from Kafka and is not yet accepted by ReportPortal (the inbox,
-- in arrival order), what ReportPortal refused for good (dead letters), the launch of each run
-- (so that a run never gets a second launch), and per-check flakiness.

CREATE TABLE reporter_inbox (
    id           bigserial PRIMARY KEY,
    topic        text        NOT NULL,
    part         integer     NOT NULL,
    kafka_offset bigint      NOT NULL,
    kind         text        NOT NULL,
    launch_key   uuid,
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    -- how many of the row's ReportPortal calls were accepted; a restart resumes after them
    step         integer     NOT NULL DEFAULT 0,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    UNIQUE (topic, part, kafka_offset)
);

CREATE TABLE reporter_dead_letters (
    id           bigint PRIMARY KEY,
    topic        text        NOT NULL,
    part         integer     NOT NULL,
    kafka_offset bigint      NOT NULL,
    kind         text        NOT NULL,
    launch_key   uuid,
    payload      text        NOT NULL,
    error        text        NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reporter_launches (
    launch_key   uuid PRIMARY KEY,
    launch_uuid  uuid        NOT NULL UNIQUE,
    kind         text        NOT NULL,
    name         text        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished     boolean     NOT NULL DEFAULT false,
    -- the rest of the launch's reporting state (suites, counts, attributes) as JSON
    state        text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE flaky_checks (
    test_name     text PRIMARY KEY,
    total_runs    bigint      NOT NULL DEFAULT 0,
    flaky_runs    bigint      NOT NULL DEFAULT 0,
    last_flaky_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
