-- Issue 9: reliability of the pipeline.

-- What each captured URL answered with. A 304 Not Modified carries no body: it confirms the body
-- the probe's ETag cache holds for that URL, which is the body of the URL's last answer before it.
-- Each sample of a document now names that body (a 304's sample the body it stood for), so a 304
-- is resolved exactly, also when answers by id and by name disagree and also on a replay.
ALTER TABLE latency_samples ADD COLUMN sha256 text, ADD COLUMN resource_id text;
CREATE INDEX latency_samples_url_idx ON latency_samples (url, captured_at DESC)
    WHERE sha256 IS NOT NULL;

-- Records that could not be stored after bounded retries: kept with the reason, so the partition
-- moves on and nothing is dropped silently.
CREATE TABLE dead_letters (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text        NOT NULL,
    kafka_partition integer  NOT NULL,
    kafka_offset bigint      NOT NULL,
    record_key   text,
    payload      text,
    reason       text        NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dead_letters_once UNIQUE (topic, kafka_partition, kafka_offset)
);

-- How many captures the probe announced for a run (RunFinished.capturesPublished; null from older
-- probes) and how the run was evaluated: complete, incomplete (captures missing after the long
-- bound, or below the coverage threshold: no baseline, no schema drift), aborted.
ALTER TABLE probe_runs ADD COLUMN captures_published bigint, ADD COLUMN evaluation text,
    ADD COLUMN evaluation_detail text;
