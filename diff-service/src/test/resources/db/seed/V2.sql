-- Rows in every table of the V2 schema, to check that later migrations keep existing data.
INSERT INTO probe_runs (run_id, suite, endpoints, started_at, finished_at, status, requests,
                        release_hash, finalized_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'sweep', '{pokemon}', now(), now(), 'completed', 2,
        'rel-a', now());
INSERT INTO schema_shapes (schema_scope, fingerprint, schema)
VALUES ('pokemon', 'f1', '{"type":"object","x-observations":{"object":1}}');
INSERT INTO snapshots (endpoint, resource_id, id_from_body, resource_name, resource_key, sha256,
                       body, body_bytes, schema_scope, shape, first_seen, last_seen, first_run_id,
                       last_run_id, release_hash, last_release_hash)
VALUES ('pokemon', '25', true, 'pikachu', '25', 'a1', '{"id":25,"weight":60}', 21, 'pokemon', 'f1',
        now(), now(), '00000000-0000-0000-0000-000000000001',
        '00000000-0000-0000-0000-000000000001', 'rel-a', 'rel-a'),
       ('pokemon', '25', true, 'pikachu', '25', 'a2', '{"id":25,"weight":61}', 21, 'pokemon', 'f1',
        now(), now(), '00000000-0000-0000-0000-000000000001',
        '00000000-0000-0000-0000-000000000001', 'rel-b', 'rel-b');
INSERT INTO resource_heads (endpoint, resource_id, snapshot_id, sha256, observed_at)
SELECT endpoint, resource_id, id, sha256, last_seen FROM snapshots WHERE sha256 = 'a2';
INSERT INTO resource_keys (endpoint, resource_key, resource_id) VALUES ('pokemon', 'pikachu', '25');
INSERT INTO run_shapes (run_id, schema_scope, fingerprint)
VALUES ('00000000-0000-0000-0000-000000000001', 'pokemon', 'f1');
INSERT INTO schema_versions (schema_scope, version, schema, origin, documents, created_at)
VALUES ('pokemon', 1, '{"type":"object","x-observations":{"object":1}}', 'baseline', 1, now());
INSERT INTO schema_heads (schema_scope, current_version, sweep_version, updated_at)
VALUES ('pokemon', 1, 1, now());
INSERT INTO schema_changes (schema_scope, schema_version, change_type, path, breaking, detected_at)
VALUES ('pokemon', 1, 'FIELD_ADDED', '/weight', false, now());
INSERT INTO data_changes (endpoint, resource_id, resource_key, from_sha256, to_sha256,
                          from_snapshot_id, to_snapshot_id, operations, json_patch,
                          operation_count, run_id, edge_inconsistency, detected_at)
SELECT 'pokemon', '25', '25', 'a1', 'a2', a.id, b.id, '[]', '[]', 0,
       '00000000-0000-0000-0000-000000000001', false, now()
  FROM snapshots a, snapshots b WHERE a.sha256 = 'a1' AND b.sha256 = 'a2';
INSERT INTO latency_samples (run_id, url, method, captured_at, endpoint, resource_key, status,
                             latency_us, schema_scope, document)
VALUES ('00000000-0000-0000-0000-000000000001', 'https://x/pokemon/25/', 'GET', now(), 'pokemon',
        '25', 200, 40000, 'pokemon', true);
INSERT INTO performance_baselines (endpoint, computed_at, window_start, window_end, sample_size,
                                   p50_ms, p95_ms, p99_ms)
VALUES ('pokemon', now(), now() - interval '7 days', now(), 1, 40, 40, 40);
INSERT INTO latency_evaluations (run_id, endpoint, percentile, run_value_ms, run_samples,
                                 baseline_id, baseline_value_ms, threshold, regressed, evaluated_at)
SELECT '00000000-0000-0000-0000-000000000001', 'pokemon', 'P95', 40, 1, id, 40, 0.2, false, now()
  FROM performance_baselines;
INSERT INTO outbox_events (topic, message_key, payload) VALUES ('pokeapi.drift-events', 'k', '{}');
