--
-- PostgreSQL database dump
--

\restrict VdXoywNiXiQ8AsDLSAGUGDiH2itpcQ8dcgfXJ4ZUPHaMQsdURtEa4w2ssuZc2tU

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: jb_fixture_1a6ddc4; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA jb_fixture_1a6ddc4;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: board_activity; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_activity (
    seq bigint NOT NULL,
    board_id text NOT NULL,
    at bigint NOT NULL,
    note_id text NOT NULL,
    change text NOT NULL,
    label text NOT NULL,
    by_person text
);


--
-- Name: board_activity_seq_seq; Type: SEQUENCE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE SEQUENCE jb_fixture_1a6ddc4.board_activity_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: board_activity_seq_seq; Type: SEQUENCE OWNED BY; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER SEQUENCE jb_fixture_1a6ddc4.board_activity_seq_seq OWNED BY jb_fixture_1a6ddc4.board_activity.seq;


--
-- Name: board_admission; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_admission (
    board_id text NOT NULL,
    on_since bigint
);


--
-- Name: board_admitted_people; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_admitted_people (
    board_id text NOT NULL,
    person_id text NOT NULL,
    admitted_at bigint NOT NULL
);


--
-- Name: board_checkpoints; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_checkpoints (
    id text NOT NULL,
    board_id text NOT NULL,
    kind text NOT NULL,
    label text NOT NULL,
    created_by_id text,
    created_by_name text,
    created_at bigint NOT NULL,
    note_count integer NOT NULL,
    state bytea NOT NULL
);


--
-- Name: board_document_updates; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_document_updates (
    seq bigint NOT NULL,
    board_id text NOT NULL,
    kind text NOT NULL,
    at bigint NOT NULL,
    update_data bytea NOT NULL,
    CONSTRAINT board_document_updates_kind_check CHECK ((kind = 'comments'::text))
);


--
-- Name: board_document_updates_seq_seq; Type: SEQUENCE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE SEQUENCE jb_fixture_1a6ddc4.board_document_updates_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: board_document_updates_seq_seq; Type: SEQUENCE OWNED BY; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER SEQUENCE jb_fixture_1a6ddc4.board_document_updates_seq_seq OWNED BY jb_fixture_1a6ddc4.board_document_updates.seq;


--
-- Name: board_documents; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_documents (
    board_id text NOT NULL,
    kind text NOT NULL,
    updated_at bigint NOT NULL,
    snapshot bytea NOT NULL,
    CONSTRAINT board_documents_kind_check CHECK ((kind = 'comments'::text))
);


--
-- Name: board_lobby; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_lobby (
    board_id text NOT NULL,
    person_id text NOT NULL,
    name text NOT NULL,
    since bigint NOT NULL,
    denied integer DEFAULT 0 NOT NULL
);


--
-- Name: board_members; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_members (
    person_id text NOT NULL,
    board_id text NOT NULL,
    role text NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: board_removed_people; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_removed_people (
    board_id text NOT NULL,
    person_id text NOT NULL,
    removed_at bigint NOT NULL,
    removed_by text NOT NULL
);


--
-- Name: board_sign_in_rules; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_sign_in_rules (
    board_id text NOT NULL,
    members_domain text NOT NULL
);


--
-- Name: board_snapshot_revisions; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_snapshot_revisions (
    board_id text NOT NULL,
    kind text DEFAULT 'board'::text NOT NULL,
    revision bigint NOT NULL
);


--
-- Name: board_templates; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_templates (
    id text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    source_board_id text NOT NULL,
    created_at bigint NOT NULL,
    body text NOT NULL
);


--
-- Name: board_updates; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_updates (
    seq bigint NOT NULL,
    board_id text NOT NULL,
    at bigint NOT NULL,
    update_data bytea NOT NULL
);


--
-- Name: board_updates_seq_seq; Type: SEQUENCE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE SEQUENCE jb_fixture_1a6ddc4.board_updates_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: board_updates_seq_seq; Type: SEQUENCE OWNED BY; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER SEQUENCE jb_fixture_1a6ddc4.board_updates_seq_seq OWNED BY jb_fixture_1a6ddc4.board_updates.seq;


--
-- Name: board_visits; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_visits (
    board_id text NOT NULL,
    person_id text NOT NULL,
    name text NOT NULL,
    department text NOT NULL,
    first_seen_at bigint NOT NULL,
    last_seen_at bigint NOT NULL
);


--
-- Name: board_workshop; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.board_workshop (
    board_id text NOT NULL,
    state text NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: boards; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.boards (
    id text NOT NULL,
    title text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    snapshot bytea NOT NULL
);


--
-- Name: device_credentials; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.device_credentials (
    credential_hash bytea NOT NULL,
    person_id text NOT NULL,
    created_at bigint NOT NULL,
    revoked_at bigint
);


--
-- Name: device_transfers; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.device_transfers (
    code_hash bytea NOT NULL,
    person_id text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    redeemed_at bigint
);


--
-- Name: people; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.people (
    id text NOT NULL,
    credential_hash bytea NOT NULL,
    created_at bigint NOT NULL,
    issued_board_id text NOT NULL,
    issued_role text NOT NULL,
    revoked_at bigint,
    issuer text,
    subject text,
    email text,
    name text
);


--
-- Name: private_drafts; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.private_drafts (
    board_id text NOT NULL,
    id text NOT NULL,
    person_id text NOT NULL,
    name text NOT NULL,
    department text NOT NULL,
    stage_id text NOT NULL,
    lane_id text NOT NULL,
    kind text,
    text text NOT NULL,
    placed_at bigint NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    note_id text
);


--
-- Name: private_phases; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.private_phases (
    id text NOT NULL,
    board_id text NOT NULL,
    status text NOT NULL,
    opened_at bigint NOT NULL,
    opened_by_id text NOT NULL,
    opened_by_name text NOT NULL,
    timer_run integer,
    closed_at bigint,
    CONSTRAINT private_phases_status_check CHECK ((status = ANY (ARRAY['open'::text, 'revealed'::text, 'cancelled'::text])))
);


--
-- Name: sessions; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.sessions (
    id_hash bytea NOT NULL,
    person_id text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: share_links; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.share_links (
    board_id text NOT NULL,
    role text NOT NULL,
    generation integer NOT NULL,
    token_hash bytea NOT NULL,
    sealed bytea NOT NULL,
    CONSTRAINT share_links_role_check CHECK ((role = ANY (ARRAY['facilitator'::text, 'editor'::text, 'commenter'::text, 'viewer'::text])))
);


--
-- Name: thread_reads; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.thread_reads (
    board_id text NOT NULL,
    person_id text NOT NULL,
    thread_id text NOT NULL,
    read_at bigint NOT NULL
);


--
-- Name: voting_ballots; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.voting_ballots (
    round_id text NOT NULL,
    person_id text NOT NULL,
    name text NOT NULL,
    department text NOT NULL,
    dots text NOT NULL,
    version integer NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: voting_rounds; Type: TABLE; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE TABLE jb_fixture_1a6ddc4.voting_rounds (
    id text NOT NULL,
    board_id text NOT NULL,
    status text NOT NULL,
    settings text NOT NULL,
    opened_at bigint NOT NULL,
    opened_by_id text NOT NULL,
    opened_by_name text NOT NULL,
    ends_at bigint,
    closed_at bigint,
    result text,
    CONSTRAINT voting_rounds_status_check CHECK ((status = ANY (ARRAY['open'::text, 'revealed'::text, 'cancelled'::text])))
);


--
-- Name: board_activity seq; Type: DEFAULT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_activity ALTER COLUMN seq SET DEFAULT nextval('jb_fixture_1a6ddc4.board_activity_seq_seq'::regclass);


--
-- Name: board_document_updates seq; Type: DEFAULT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_document_updates ALTER COLUMN seq SET DEFAULT nextval('jb_fixture_1a6ddc4.board_document_updates_seq_seq'::regclass);


--
-- Name: board_updates seq; Type: DEFAULT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_updates ALTER COLUMN seq SET DEFAULT nextval('jb_fixture_1a6ddc4.board_updates_seq_seq'::regclass);


--
-- Data for Name: board_activity; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_activity VALUES (1, 'fixtureboard', 1760000000000, 'note:fixture0001', 'added', 'Queue at the counter', 'personfixture01');


--
-- Data for Name: board_admission; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_admission VALUES ('fixtureboard', 1760000000000);


--
-- Data for Name: board_admitted_people; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_admitted_people VALUES ('fixtureboard', 'personfixture01', 1760000000000);


--
-- Data for Name: board_checkpoints; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_checkpoints VALUES ('cp-fixture-1', 'fixtureboard', 'named', 'Before the workshop', 'personfixture01', 'Ada Author', 1760000000002, 1, '\x020a96dd8c8206002701077265636f726473156e6f74653a7538736775346f38647675786134307801280096dd8c82060008706f736974696f6e0176030773746167654964771673746167653a69736b386d637366616e786a64713066066c616e65496477156c616e653a63376a6e35346e65363336647776397505696e64657877026130280096dd8c820600046b696e6401770a746f756368706f696e74270096dd8c820600047465787402040096dd8c8206031451756575652061742074686520636f756e746572280096dd8c8206000a6465706172746d656e7401770770726f64756374280096dd8c82060008617574686f72496401770f706572736f6e666978747572653031280096dd8c8206000a617574686f724e616d6501770a41646120417574686f72280096dd8c82060009637265617465644174017b427a24f63a222000280096dd8c82060009757064617465644174017b427a24f63a22200030b2ca9e8303002801046d6574610d736368656d6156657273696f6e017d062801046d65746107626f617264496401770c66697874757265626f6172642801046d657461057469746c6501770f46697874757265206a6f75726e65792801046d65746109637265617465644174017b42799c82cc0000002701077265636f7264731673746167653a69736b386d637366616e786a64713066012800b2ca9e830304046e616d6501770941776172656e6573732800b2ca9e83030405696e64657801770261302800b2ca9e8303040b6465736372697074696f6e0177002701077265636f7264731673746167653a6d6d73393479626435727936356e6c32012800b2ca9e830308046e616d6501770d436f6e73696465726174696f6e2800b2ca9e83030805696e64657801770261312800b2ca9e8303080b6465736372697074696f6e0177002701077265636f7264731673746167653a6d746a68647963627838703868773364012800b2ca9e83030c046e616d650177084465636973696f6e2800b2ca9e83030c05696e64657801770261322800b2ca9e83030c0b6465736372697074696f6e0177002701077265636f7264731673746167653a36353277677330653068326f77756c39012800b2ca9e830310046e616d65017709526574656e74696f6e2800b2ca9e83031005696e64657801770261332800b2ca9e8303100b6465736372697074696f6e0177002701077265636f7264731673746167653a746b7238347131756969777472727573012800b2ca9e830314046e616d650177084164766f636163792800b2ca9e83031405696e64657801770261342800b2ca9e8303140b6465736372697074696f6e0177002701077265636f726473156c616e653a63376a6e35346e653633366477763975012800b2ca9e830318046e616d6501770b546f756368706f696e74732800b2ca9e830318046b696e6401770a746f756368706f696e742800b2ca9e83031805696e64657801770261302701077265636f726473156c616e653a687739627a376879363165713970716c012800b2ca9e83031c046e616d65017710437573746f6d657220616374696f6e732800b2ca9e83031c046b696e64017706616374696f6e2800b2ca9e83031c05696e64657801770261312701077265636f726473156c616e653a733370686d6e35636178353470336734012800b2ca9e830320046e616d6501770854686f75676874732800b2ca9e830320046b696e6401770774686f756768742800b2ca9e83032005696e64657801770261322701077265636f726473156c616e653a6d746567623633333070716738796c62012800b2ca9e830324046e616d65017708456d6f74696f6e732800b2ca9e830324046b696e64017707656d6f74696f6e2800b2ca9e83032405696e64657801770261332701077265636f726473156c616e653a3473687569797969386d743535666133012800b2ca9e830328046e616d6501770b5061696e20706f696e74732800b2ca9e830328046b696e640177047061696e2800b2ca9e83032805696e64657801770261342701077265636f726473156c616e653a7835626e6f386c7674386d376f38716f012800b2ca9e83032c046e616d6501770d4f70706f7274756e69746965732800b2ca9e83032c046b696e64017704696465612800b2ca9e83032c05696e646578017702613500');


--
-- Data for Name: board_document_updates; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_document_updates VALUES (1, 'fixtureboard', 'comments', 1760000000000, '\x0000');


--
-- Data for Name: board_documents; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--



--
-- Data for Name: board_lobby; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_lobby VALUES ('fixtureboard', 'personwaiting01', 'Waiting Wendy', 1760000000000, 0);


--
-- Data for Name: board_members; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_members VALUES ('personsignedin1', 'fixtureboard', 'editor', 1760000000000);


--
-- Data for Name: board_removed_people; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_removed_people VALUES ('fixtureboard', 'personremoved01', 1760000000000, 'personfixture01');


--
-- Data for Name: board_sign_in_rules; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_sign_in_rules VALUES ('fixtureboard', 'example.com');


--
-- Data for Name: board_snapshot_revisions; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--



--
-- Data for Name: board_templates; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_templates VALUES ('saved-fixture00001', 'Saved fixture', 'A template saved before the migrator', 'fixtureboard', 1760000000000, '{"name":"Saved fixture"}');


--
-- Data for Name: board_updates; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_updates VALUES (1, 'fixtureboard', 1760000000001, '\x010a96dd8c8206002701077265636f726473156e6f74653a7538736775346f38647675786134307801280096dd8c82060008706f736974696f6e0176030773746167654964771673746167653a69736b386d637366616e786a64713066066c616e65496477156c616e653a63376a6e35346e65363336647776397505696e64657877026130280096dd8c820600046b696e6401770a746f756368706f696e74270096dd8c820600047465787402040096dd8c8206031451756575652061742074686520636f756e746572280096dd8c8206000a6465706172746d656e7401770770726f64756374280096dd8c82060008617574686f72496401770f706572736f6e666978747572653031280096dd8c8206000a617574686f724e616d6501770a41646120417574686f72280096dd8c82060009637265617465644174017b427a24f63a222000280096dd8c82060009757064617465644174017b427a24f63a22200000');


--
-- Data for Name: board_visits; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_visits VALUES ('fixtureboard', 'personfixture01', 'Ada Author', 'product', 1760000000000, 1760000000000);


--
-- Data for Name: board_workshop; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.board_workshop VALUES ('fixtureboard', '{"timer":null,"locked":true}', 1760000000000);


--
-- Data for Name: boards; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.boards VALUES ('fixtureboard', 'Fixture journey', 1760000000000, 1760000000000, '\x0130b2ca9e8303002801046d6574610d736368656d6156657273696f6e017d062801046d65746107626f617264496401770c66697874757265626f6172642801046d657461057469746c6501770f46697874757265206a6f75726e65792801046d65746109637265617465644174017b42799c82cc0000002701077265636f7264731673746167653a69736b386d637366616e786a64713066012800b2ca9e830304046e616d6501770941776172656e6573732800b2ca9e83030405696e64657801770261302800b2ca9e8303040b6465736372697074696f6e0177002701077265636f7264731673746167653a6d6d73393479626435727936356e6c32012800b2ca9e830308046e616d6501770d436f6e73696465726174696f6e2800b2ca9e83030805696e64657801770261312800b2ca9e8303080b6465736372697074696f6e0177002701077265636f7264731673746167653a6d746a68647963627838703868773364012800b2ca9e83030c046e616d650177084465636973696f6e2800b2ca9e83030c05696e64657801770261322800b2ca9e83030c0b6465736372697074696f6e0177002701077265636f7264731673746167653a36353277677330653068326f77756c39012800b2ca9e830310046e616d65017709526574656e74696f6e2800b2ca9e83031005696e64657801770261332800b2ca9e8303100b6465736372697074696f6e0177002701077265636f7264731673746167653a746b7238347131756969777472727573012800b2ca9e830314046e616d650177084164766f636163792800b2ca9e83031405696e64657801770261342800b2ca9e8303140b6465736372697074696f6e0177002701077265636f726473156c616e653a63376a6e35346e653633366477763975012800b2ca9e830318046e616d6501770b546f756368706f696e74732800b2ca9e830318046b696e6401770a746f756368706f696e742800b2ca9e83031805696e64657801770261302701077265636f726473156c616e653a687739627a376879363165713970716c012800b2ca9e83031c046e616d65017710437573746f6d657220616374696f6e732800b2ca9e83031c046b696e64017706616374696f6e2800b2ca9e83031c05696e64657801770261312701077265636f726473156c616e653a733370686d6e35636178353470336734012800b2ca9e830320046e616d6501770854686f75676874732800b2ca9e830320046b696e6401770774686f756768742800b2ca9e83032005696e64657801770261322701077265636f726473156c616e653a6d746567623633333070716738796c62012800b2ca9e830324046e616d65017708456d6f74696f6e732800b2ca9e830324046b696e64017707656d6f74696f6e2800b2ca9e83032405696e64657801770261332701077265636f726473156c616e653a3473687569797969386d743535666133012800b2ca9e830328046e616d6501770b5061696e20706f696e74732800b2ca9e830328046b696e640177047061696e2800b2ca9e83032805696e64657801770261342701077265636f726473156c616e653a7835626e6f386c7674386d376f38716f012800b2ca9e83032c046e616d6501770d4f70706f7274756e69746965732800b2ca9e83032c046b696e64017704696465612800b2ca9e83032c05696e646578017702613500');


--
-- Data for Name: device_credentials; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.device_credentials VALUES ('\x0202020202020202020202020202020202020202020202020202020202020202', 'personfixture01', 1760000000000, NULL);


--
-- Data for Name: device_transfers; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--



--
-- Data for Name: people; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.people VALUES ('personfixture01', '\x0101010101010101010101010101010101010101010101010101010101010101', 1760000000000, 'fixtureboard', 'editor', NULL, NULL, NULL, NULL, NULL);
INSERT INTO jb_fixture_1a6ddc4.people VALUES ('personsignedin1', '\xd92c9c14b24ea0206c0254f4d74fdda0205d35449eb00f3847b5f0d14c67d3e8', 1760000000000, '', 'viewer', NULL, 'https://id.example.com', 'sub-1', 'sam@example.com', 'Sam Signed');


--
-- Data for Name: private_drafts; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.private_drafts VALUES ('fixtureboard', 'draft:fixture0001', 'personfixture01', 'Ada Author', 'product', 'stage:fixture0001', 'lane:fixture0001', 'pain', 'A private thought', 1760000000000, 1760000000000, 1760000000000, NULL);


--
-- Data for Name: private_phases; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.private_phases VALUES ('phase-fixture-1', 'fixtureboard', 'open', 1760000000000, 'personfixture01', 'Ada Author', NULL, NULL);


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.sessions VALUES ('\x0303030303030303030303030303030303030303030303030303030303030303', 'personsignedin1', 1760000000000, 1760086400000);


--
-- Data for Name: share_links; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.share_links VALUES ('fixtureboard', 'editor', 2, '\x0707070707070707070707070707070707070707070707070707070707070707', '\x0909090909090909090909090909090909090909090909090909090909090909');


--
-- Data for Name: thread_reads; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.thread_reads VALUES ('fixtureboard', 'personfixture01', 'thread1', 1760000000000);


--
-- Data for Name: voting_ballots; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.voting_ballots VALUES ('round:fixture0001', 'personfixture01', 'Ada Author', 'product', '{"note:fixture0001":2}', 1, 1760000000003);


--
-- Data for Name: voting_rounds; Type: TABLE DATA; Schema: jb_fixture_1a6ddc4; Owner: -
--

INSERT INTO jb_fixture_1a6ddc4.voting_rounds VALUES ('round:fixture0001', 'fixtureboard', 'open', '{"title":"Biggest pain","dotsPerPerson":3,"capPerNote":null,"votableKinds":["pain"],"votableLaneIds":[],"laneBudgets":{},"timeLimitMinutes":null}', 1760000000000, 'personfixture01', 'Ada Author', NULL, NULL, NULL);


--
-- Name: board_activity_seq_seq; Type: SEQUENCE SET; Schema: jb_fixture_1a6ddc4; Owner: -
--

SELECT pg_catalog.setval('jb_fixture_1a6ddc4.board_activity_seq_seq', 1, true);


--
-- Name: board_document_updates_seq_seq; Type: SEQUENCE SET; Schema: jb_fixture_1a6ddc4; Owner: -
--

SELECT pg_catalog.setval('jb_fixture_1a6ddc4.board_document_updates_seq_seq', 1, true);


--
-- Name: board_updates_seq_seq; Type: SEQUENCE SET; Schema: jb_fixture_1a6ddc4; Owner: -
--

SELECT pg_catalog.setval('jb_fixture_1a6ddc4.board_updates_seq_seq', 1, true);


--
-- Name: board_activity board_activity_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_activity
    ADD CONSTRAINT board_activity_pkey PRIMARY KEY (seq);


--
-- Name: board_admission board_admission_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_admission
    ADD CONSTRAINT board_admission_pkey PRIMARY KEY (board_id);


--
-- Name: board_admitted_people board_admitted_people_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_admitted_people
    ADD CONSTRAINT board_admitted_people_pkey PRIMARY KEY (board_id, person_id);


--
-- Name: board_checkpoints board_checkpoints_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_checkpoints
    ADD CONSTRAINT board_checkpoints_pkey PRIMARY KEY (id);


--
-- Name: board_document_updates board_document_updates_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_document_updates
    ADD CONSTRAINT board_document_updates_pkey PRIMARY KEY (seq);


--
-- Name: board_documents board_documents_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_documents
    ADD CONSTRAINT board_documents_pkey PRIMARY KEY (board_id, kind);


--
-- Name: board_lobby board_lobby_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_lobby
    ADD CONSTRAINT board_lobby_pkey PRIMARY KEY (board_id, person_id);


--
-- Name: board_members board_members_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_members
    ADD CONSTRAINT board_members_pkey PRIMARY KEY (person_id, board_id);


--
-- Name: board_removed_people board_removed_people_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_removed_people
    ADD CONSTRAINT board_removed_people_pkey PRIMARY KEY (board_id, person_id);


--
-- Name: board_sign_in_rules board_sign_in_rules_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_sign_in_rules
    ADD CONSTRAINT board_sign_in_rules_pkey PRIMARY KEY (board_id);


--
-- Name: board_snapshot_revisions board_snapshot_revisions_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_snapshot_revisions
    ADD CONSTRAINT board_snapshot_revisions_pkey PRIMARY KEY (board_id, kind);


--
-- Name: board_templates board_templates_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_templates
    ADD CONSTRAINT board_templates_pkey PRIMARY KEY (id);


--
-- Name: board_updates board_updates_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_updates
    ADD CONSTRAINT board_updates_pkey PRIMARY KEY (seq);


--
-- Name: board_visits board_visits_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_visits
    ADD CONSTRAINT board_visits_pkey PRIMARY KEY (board_id, person_id);


--
-- Name: board_workshop board_workshop_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_workshop
    ADD CONSTRAINT board_workshop_pkey PRIMARY KEY (board_id);


--
-- Name: boards boards_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.boards
    ADD CONSTRAINT boards_pkey PRIMARY KEY (id);


--
-- Name: device_credentials device_credentials_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.device_credentials
    ADD CONSTRAINT device_credentials_pkey PRIMARY KEY (credential_hash);


--
-- Name: device_transfers device_transfers_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.device_transfers
    ADD CONSTRAINT device_transfers_pkey PRIMARY KEY (code_hash);


--
-- Name: people people_credential_hash_key; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.people
    ADD CONSTRAINT people_credential_hash_key UNIQUE (credential_hash);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


--
-- Name: private_drafts private_drafts_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.private_drafts
    ADD CONSTRAINT private_drafts_pkey PRIMARY KEY (board_id, id);


--
-- Name: private_phases private_phases_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.private_phases
    ADD CONSTRAINT private_phases_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id_hash);


--
-- Name: share_links share_links_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.share_links
    ADD CONSTRAINT share_links_pkey PRIMARY KEY (board_id, role);


--
-- Name: thread_reads thread_reads_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.thread_reads
    ADD CONSTRAINT thread_reads_pkey PRIMARY KEY (board_id, person_id, thread_id);


--
-- Name: voting_ballots voting_ballots_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.voting_ballots
    ADD CONSTRAINT voting_ballots_pkey PRIMARY KEY (round_id, person_id);


--
-- Name: voting_rounds voting_rounds_pkey; Type: CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.voting_rounds
    ADD CONSTRAINT voting_rounds_pkey PRIMARY KEY (id);


--
-- Name: board_activity_by_time; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX board_activity_by_time ON jb_fixture_1a6ddc4.board_activity USING btree (board_id, at);


--
-- Name: board_checkpoints_by_board; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX board_checkpoints_by_board ON jb_fixture_1a6ddc4.board_checkpoints USING btree (board_id, created_at);


--
-- Name: board_document_updates_by_doc; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX board_document_updates_by_doc ON jb_fixture_1a6ddc4.board_document_updates USING btree (board_id, kind, seq);


--
-- Name: board_templates_by_time; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX board_templates_by_time ON jb_fixture_1a6ddc4.board_templates USING btree (created_at);


--
-- Name: board_updates_by_board; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX board_updates_by_board ON jb_fixture_1a6ddc4.board_updates USING btree (board_id, seq);


--
-- Name: device_transfers_by_expiry; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX device_transfers_by_expiry ON jb_fixture_1a6ddc4.device_transfers USING btree (expires_at);


--
-- Name: device_transfers_by_person; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX device_transfers_by_person ON jb_fixture_1a6ddc4.device_transfers USING btree (person_id);


--
-- Name: people_by_issuing_link; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX people_by_issuing_link ON jb_fixture_1a6ddc4.people USING btree (issued_board_id, issued_role, created_at);


--
-- Name: people_by_subject; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE UNIQUE INDEX people_by_subject ON jb_fixture_1a6ddc4.people USING btree (issuer, subject);


--
-- Name: private_drafts_by_person; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX private_drafts_by_person ON jb_fixture_1a6ddc4.private_drafts USING btree (board_id, person_id);


--
-- Name: private_phases_one_open; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE UNIQUE INDEX private_phases_one_open ON jb_fixture_1a6ddc4.private_phases USING btree (board_id) WHERE (status = 'open'::text);


--
-- Name: sessions_by_expiry; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX sessions_by_expiry ON jb_fixture_1a6ddc4.sessions USING btree (expires_at);


--
-- Name: voting_rounds_by_board; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE INDEX voting_rounds_by_board ON jb_fixture_1a6ddc4.voting_rounds USING btree (board_id, opened_at);


--
-- Name: voting_rounds_one_open; Type: INDEX; Schema: jb_fixture_1a6ddc4; Owner: -
--

CREATE UNIQUE INDEX voting_rounds_one_open ON jb_fixture_1a6ddc4.voting_rounds USING btree (board_id) WHERE (status = 'open'::text);


--
-- Name: board_activity board_activity_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_activity
    ADD CONSTRAINT board_activity_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_checkpoints board_checkpoints_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_checkpoints
    ADD CONSTRAINT board_checkpoints_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_document_updates board_document_updates_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_document_updates
    ADD CONSTRAINT board_document_updates_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_documents board_documents_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_documents
    ADD CONSTRAINT board_documents_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_members board_members_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_members
    ADD CONSTRAINT board_members_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_members board_members_person_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_members
    ADD CONSTRAINT board_members_person_id_fkey FOREIGN KEY (person_id) REFERENCES jb_fixture_1a6ddc4.people(id) ON DELETE CASCADE;


--
-- Name: board_sign_in_rules board_sign_in_rules_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_sign_in_rules
    ADD CONSTRAINT board_sign_in_rules_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_snapshot_revisions board_snapshot_revisions_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_snapshot_revisions
    ADD CONSTRAINT board_snapshot_revisions_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_updates board_updates_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_updates
    ADD CONSTRAINT board_updates_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_visits board_visits_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_visits
    ADD CONSTRAINT board_visits_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: board_workshop board_workshop_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.board_workshop
    ADD CONSTRAINT board_workshop_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: device_credentials device_credentials_person_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.device_credentials
    ADD CONSTRAINT device_credentials_person_id_fkey FOREIGN KEY (person_id) REFERENCES jb_fixture_1a6ddc4.people(id);


--
-- Name: private_drafts private_drafts_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.private_drafts
    ADD CONSTRAINT private_drafts_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: private_phases private_phases_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.private_phases
    ADD CONSTRAINT private_phases_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_person_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.sessions
    ADD CONSTRAINT sessions_person_id_fkey FOREIGN KEY (person_id) REFERENCES jb_fixture_1a6ddc4.people(id) ON DELETE CASCADE;


--
-- Name: share_links share_links_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.share_links
    ADD CONSTRAINT share_links_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: thread_reads thread_reads_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.thread_reads
    ADD CONSTRAINT thread_reads_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- Name: voting_ballots voting_ballots_round_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.voting_ballots
    ADD CONSTRAINT voting_ballots_round_id_fkey FOREIGN KEY (round_id) REFERENCES jb_fixture_1a6ddc4.voting_rounds(id) ON DELETE CASCADE;


--
-- Name: voting_rounds voting_rounds_board_id_fkey; Type: FK CONSTRAINT; Schema: jb_fixture_1a6ddc4; Owner: -
--

ALTER TABLE ONLY jb_fixture_1a6ddc4.voting_rounds
    ADD CONSTRAINT voting_rounds_board_id_fkey FOREIGN KEY (board_id) REFERENCES jb_fixture_1a6ddc4.boards(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict VdXoywNiXiQ8AsDLSAGUGDiH2itpcQ8dcgfXJ4ZUPHaMQsdURtEa4w2ssuZc2tU

