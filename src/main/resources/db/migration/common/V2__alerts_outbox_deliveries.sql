-- Alimi store, version 2: the alert outbox (stored before it is sent, one per episode, kind, route
-- and channel) and the deliveries made for each alert (the first message, later edits).

CREATE TABLE alerts (
    id           ${identity},
    episode_id   BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    watch        TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    route        TEXT   NOT NULL,
    channel      TEXT   NOT NULL,
    status       TEXT   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'EXPIRED', 'FAILED', 'HELD')),
    reason       TEXT,
    availability TEXT   NOT NULL,
    quantity     BIGINT,
    price        TEXT,
    currency     TEXT,
    evidence     TEXT   NOT NULL,
    detector     TEXT   NOT NULL,
    detected_at  BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    claimed_by   TEXT,
    CONSTRAINT alerts_once UNIQUE (episode_id, kind, route, channel)
);
CREATE INDEX alerts_status_expiry ON alerts (status, expires_at);
CREATE INDEX alerts_watch_time ON alerts (watch, detected_at);

CREATE TABLE deliveries (
    id           ${identity},
    alert_id        BIGINT  NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('ALERT', 'EDIT', 'FOLLOW_UP')),
    channel         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('SENT', 'FAILED', 'EXPIRED')),
    detected_at     BIGINT  NOT NULL,
    sent_at         BIGINT  NOT NULL,
    acknowledged_at BIGINT,
    attempts        INTEGER NOT NULL,
    message_id      TEXT,
    detail          TEXT
);
CREATE INDEX deliveries_alert ON deliveries (alert_id);
