-- Alimi store, version 1: what the tracker knows. Times are epoch milliseconds (BIGINT) and prices
-- decimal strings, so the same SQL runs on SQLite and PostgreSQL; only identity columns differ.

CREATE TABLE watch_state (
    watch             TEXT    NOT NULL PRIMARY KEY,
    last_availability TEXT,
    last_observed_at  BIGINT,
    last_decisive     TEXT,
    episode_start     BIGINT,
    observations      BIGINT  NOT NULL DEFAULT 0,
    doubtful          BIGINT  NOT NULL DEFAULT 0,
    doubt_streak      BIGINT  NOT NULL DEFAULT 0,
    episodes          BIGINT  NOT NULL DEFAULT 0,
    stale             BIGINT  NOT NULL DEFAULT 0,
    confirming        TEXT,
    confirmations     BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE observations (
    id           ${identity},
    watch        TEXT    NOT NULL,
    availability TEXT    NOT NULL,
    quantity     BIGINT,
    price        TEXT,
    currency     TEXT,
    evidence     TEXT    NOT NULL,
    detector     TEXT    NOT NULL,
    observed_at  BIGINT  NOT NULL,
    transition   BOOLEAN NOT NULL
);
CREATE INDEX observations_watch_time ON observations (watch, observed_at);
CREATE INDEX observations_time ON observations (observed_at);

CREATE TABLE episodes (
    id           ${identity},
    watch          TEXT   NOT NULL,
    site           TEXT   NOT NULL,
    started_at     BIGINT NOT NULL,
    ended_at       BIGINT,
    first_quantity BIGINT,
    last_quantity  BIGINT,
    first_price    TEXT,
    last_price     TEXT,
    currency       TEXT,
    CONSTRAINT episodes_watch_start UNIQUE (watch, started_at)
);
CREATE INDEX episodes_site_time ON episodes (site, started_at);
