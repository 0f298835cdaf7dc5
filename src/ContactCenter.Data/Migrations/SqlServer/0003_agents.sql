-- Agents, their extensions, queues and pause codes; sessions, current status, confirmed queue
-- membership (keyed like an Asterisk member: queue and interface, since an agent moving between phones
-- is briefly a member at both), state history, and the operations (login, pause…) waiting for Asterisk to confirm.
-- Random GUID keys are NONCLUSTERED (a clustered random key splits pages on every insert); those tables
-- are clustered on the column they are read by (agent and time, operation, status).
CREATE TABLE agent (
    agent_number nvarchar(20) NOT NULL CONSTRAINT pk_agent PRIMARY KEY,
    name nvarchar(200) NOT NULL,
    pin_hash nvarchar(200) NULL,
    active bit NOT NULL,
    created_at datetime2(3) NOT NULL
);

CREATE TABLE extension (
    interface nvarchar(100) NOT NULL CONSTRAINT pk_extension PRIMARY KEY,
    server nvarchar(50) NOT NULL,
    description nvarchar(200) NOT NULL
);

CREATE TABLE queue (
    server nvarchar(50) NOT NULL,
    name nvarchar(200) NOT NULL,
    display_name nvarchar(200) NOT NULL,
    wrapup_seconds int NOT NULL,
    CONSTRAINT pk_queue PRIMARY KEY (server, name)
);

CREATE TABLE agent_queue (
    agent_number nvarchar(20) NOT NULL REFERENCES agent (agent_number),
    server nvarchar(50) NOT NULL,
    queue nvarchar(80) NOT NULL,
    penalty int NOT NULL,
    CONSTRAINT pk_agent_queue PRIMARY KEY (agent_number, server, queue),
    CONSTRAINT fk_agent_queue_queue FOREIGN KEY (server, queue) REFERENCES queue (server, name)
);

CREATE TABLE pause_code (
    code nvarchar(10) NOT NULL CONSTRAINT pk_pause_code PRIMARY KEY,
    name nvarchar(200) NOT NULL,
    productive bit NOT NULL,
    active bit NOT NULL
);

CREATE TABLE agent_session (
    id uniqueidentifier NOT NULL CONSTRAINT pk_agent_session PRIMARY KEY NONCLUSTERED,
    agent_number nvarchar(20) NOT NULL REFERENCES agent (agent_number),
    server nvarchar(50) NOT NULL,
    interface nvarchar(100) NOT NULL,
    login_at datetime2(3) NOT NULL,
    login_source nvarchar(20) NOT NULL,
    logout_at datetime2(3) NULL,
    logout_source nvarchar(20) NULL,
    logout_reason nvarchar(400) NULL
);
CREATE CLUSTERED INDEX ix_agent_session_agent ON agent_session (agent_number, login_at);

CREATE TABLE agent_status (
    agent_number nvarchar(20) NOT NULL CONSTRAINT pk_agent_status PRIMARY KEY REFERENCES agent (agent_number),
    server nvarchar(50) NULL,
    interface nvarchar(100) NULL,
    session_id uniqueidentifier NULL,
    state nvarchar(20) NOT NULL,
    state_since datetime2(3) NOT NULL,
    pause_code nvarchar(10) NULL,
    linkedid nvarchar(40) NULL,
    last_queue nvarchar(80) NULL,
    wrapup_until datetime2(3) NULL,
    device_status int NOT NULL
);
CREATE UNIQUE INDEX ux_agent_status_interface ON agent_status (interface) WHERE interface IS NOT NULL;

CREATE TABLE agent_membership (
    agent_number nvarchar(20) NOT NULL REFERENCES agent (agent_number),
    server nvarchar(50) NOT NULL,
    queue nvarchar(80) NOT NULL,
    interface nvarchar(100) NOT NULL,
    paused bit NOT NULL,
    pause_code nvarchar(10) NULL,
    since datetime2(3) NOT NULL,
    CONSTRAINT pk_agent_membership PRIMARY KEY (server, queue, interface)
);
CREATE INDEX ix_agent_membership_agent ON agent_membership (agent_number);

CREATE TABLE agent_state_history (
    id uniqueidentifier NOT NULL CONSTRAINT pk_agent_state_history PRIMARY KEY NONCLUSTERED,
    agent_number nvarchar(20) NOT NULL REFERENCES agent (agent_number),
    state nvarchar(20) NOT NULL,
    pause_code nvarchar(10) NULL,
    started_at datetime2(3) NOT NULL,
    ended_at datetime2(3) NULL,
    source nvarchar(20) NOT NULL,
    reason nvarchar(400) NULL
);
CREATE CLUSTERED INDEX ix_agent_state_history_agent ON agent_state_history (agent_number, started_at);

CREATE TABLE agent_call (
    agent_number nvarchar(20) NOT NULL REFERENCES agent (agent_number),
    linkedid nvarchar(40) NOT NULL,
    answered_at datetime2(3) NOT NULL,
    queue nvarchar(80) NULL,
    CONSTRAINT pk_agent_call PRIMARY KEY (agent_number, linkedid)
);
CREATE INDEX ix_agent_call_answered ON agent_call (agent_number, answered_at);

CREATE TABLE agent_operation (
    id uniqueidentifier NOT NULL CONSTRAINT pk_agent_operation PRIMARY KEY NONCLUSTERED,
    kind nvarchar(20) NOT NULL,
    agent_number nvarchar(20) NOT NULL,
    server nvarchar(50) NOT NULL,
    interface nvarchar(100) NOT NULL,
    pause_code nvarchar(10) NULL,
    channel_id nvarchar(40) NULL,
    code nvarchar(40) NULL,
    source nvarchar(20) NOT NULL,
    requested_by nvarchar(200) NOT NULL,
    status nvarchar(20) NOT NULL,
    detail nvarchar(1000) NULL,
    answer_by datetime2(3) NOT NULL,
    created_at datetime2(3) NOT NULL,
    completed_at datetime2(3) NULL
);
CREATE CLUSTERED INDEX ix_agent_operation_status ON agent_operation (status, answer_by);

CREATE TABLE agent_operation_step (
    command_id uniqueidentifier NOT NULL CONSTRAINT pk_agent_operation_step PRIMARY KEY NONCLUSTERED,
    operation_id uniqueidentifier NOT NULL REFERENCES agent_operation (id),
    agent_number nvarchar(20) NOT NULL,
    server nvarchar(50) NOT NULL,
    queue nvarchar(80) NOT NULL,
    interface nvarchar(100) NOT NULL,
    action nvarchar(20) NOT NULL,
    previous_pause_code nvarchar(10) NULL,
    status nvarchar(20) NOT NULL,
    detail nvarchar(1000) NULL
);
CREATE CLUSTERED INDEX ix_agent_operation_step_operation ON agent_operation_step (operation_id);
CREATE INDEX ix_agent_operation_step_member ON agent_operation_step (server, queue, interface, action, status);
