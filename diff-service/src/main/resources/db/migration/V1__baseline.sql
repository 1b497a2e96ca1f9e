-- The first migration: a small table of facts about the schema itself, so that Flyway has a
-- baseline to build on. The diff store's tables come with the next migrations.
CREATE TABLE service_info (
    key        text        PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO service_info (key, value) VALUES ('service', 'diff-service');
