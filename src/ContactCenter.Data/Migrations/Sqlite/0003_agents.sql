-- Agents, their extensions, queues and pause codes; sessions, current status, confirmed queue
-- membership (keyed like an Asterisk member: queue and interface, since an agent moving between phones
-- is briefly a member at both), state history, and the operations (login, pause…) waiting for Asterisk to confirm.
CREATE TABLE agent (
    agent_number TEXT NOT NULL CONSTRAINT pk_agent PRIMARY KEY,
    name TEXT NOT NULL,
    pin_hash TEXT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE extension (
    interface TEXT NOT NULL CONSTRAINT pk_extension PRIMARY KEY,
    server TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE queue (
    server TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    wrapup_seconds INTEGER NOT NULL,
    CONSTRAINT pk_queue PRIMARY KEY (server, name)
);

CREATE TABLE agent_queue (
    agent_number TEXT NOT NULL REFERENCES agent (agent_number),
    server TEXT NOT NULL,
    queue TEXT NOT NULL,
    penalty INTEGER NOT NULL,
    CONSTRAINT pk_agent_queue PRIMARY KEY (agent_number, server, queue),
    CONSTRAINT fk_agent_queue_queue FOREIGN KEY (server, queue) REFERENCES queue (server, name)
);

CREATE TABLE pause_code (
    code TEXT NOT NULL CONSTRAINT pk_pause_code PRIMARY KEY,
    name TEXT NOT NULL,
    productive INTEGER NOT NULL,
    active INTEGER NOT NULL
);

CREATE TABLE agent_session (
    id TEXT NOT NULL CONSTRAINT pk_agent_session PRIMARY KEY,
    agent_number TEXT NOT NULL REFERENCES agent (agent_number),
    server TEXT NOT NULL,
    interface TEXT NOT NULL,
    login_at TEXT NOT NULL,
    login_source TEXT NOT NULL,
    logout_at TEXT NULL,
    logout_source TEXT NULL,
    logout_reason TEXT NULL
);
CREATE INDEX ix_agent_session_agent ON agent_session (agent_number, login_at);

CREATE TABLE agent_status (
    agent_number TEXT NOT NULL CONSTRAINT pk_agent_status PRIMARY KEY REFERENCES agent (agent_number),
    server TEXT NULL,
    interface TEXT NULL,
    session_id TEXT NULL,
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    pause_code TEXT NULL,
    linkedid TEXT NULL,
    last_queue TEXT NULL,
    wrapup_until TEXT NULL,
    device_status INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_agent_status_interface ON agent_status (interface) WHERE interface IS NOT NULL;

CREATE TABLE agent_membership (
    agent_number TEXT NOT NULL REFERENCES agent (agent_number),
    server TEXT NOT NULL,
    queue TEXT NOT NULL,
    interface TEXT NOT NULL,
    paused INTEGER NOT NULL,
    pause_code TEXT NULL,
    since TEXT NOT NULL,
    CONSTRAINT pk_agent_membership PRIMARY KEY (server, queue, interface)
);
CREATE INDEX ix_agent_membership_agent ON agent_membership (agent_number);

CREATE TABLE agent_state_history (
    id TEXT NOT NULL CONSTRAINT pk_agent_state_history PRIMARY KEY,
    agent_number TEXT NOT NULL REFERENCES agent (agent_number),
    state TEXT NOT NULL,
    pause_code TEXT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NULL,
    source TEXT NOT NULL,
    reason TEXT NULL
);
CREATE INDEX ix_agent_state_history_agent ON agent_state_history (agent_number, started_at);

CREATE TABLE agent_call (
    agent_number TEXT NOT NULL REFERENCES agent (agent_number),
    linkedid TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    queue TEXT NULL,
    CONSTRAINT pk_agent_call PRIMARY KEY (agent_number, linkedid)
);
CREATE INDEX ix_agent_call_answered ON agent_call (agent_number, answered_at);

CREATE TABLE agent_operation (
    id TEXT NOT NULL CONSTRAINT pk_agent_operation PRIMARY KEY,
    kind TEXT NOT NULL,
    agent_number TEXT NOT NULL,
    server TEXT NOT NULL,
    interface TEXT NOT NULL,
    pause_code TEXT NULL,
    channel_id TEXT NULL,
    code TEXT NULL,
    source TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    status TEXT NOT NULL,
    detail TEXT NULL,
    answer_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT NULL
);
CREATE INDEX ix_agent_operation_status ON agent_operation (status, answer_by);

CREATE TABLE agent_operation_step (
    command_id TEXT NOT NULL CONSTRAINT pk_agent_operation_step PRIMARY KEY,
    operation_id TEXT NOT NULL REFERENCES agent_operation (id),
    agent_number TEXT NOT NULL,
    server TEXT NOT NULL,
    queue TEXT NOT NULL,
    interface TEXT NOT NULL,
    action TEXT NOT NULL,
    previous_pause_code TEXT NULL,
    status TEXT NOT NULL,
    detail TEXT NULL
);
CREATE INDEX ix_agent_operation_step_operation ON agent_operation_step (operation_id);
CREATE INDEX ix_agent_operation_step_member ON agent_operation_step (server, queue, interface, action, status);
