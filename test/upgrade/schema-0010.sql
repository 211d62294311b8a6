--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: drizzle; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA drizzle;


--
-- Name: aggregation_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.aggregation_type AS ENUM (
    'sum',
    'average',
    'last',
    'formula',
    'none'
);


--
-- Name: appraisal_action; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.appraisal_action AS ENUM (
    'confirm',
    'adjust'
);


--
-- Name: assessment_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.assessment_status AS ENUM (
    'open',
    'self_assessment',
    'appraisal',
    'council',
    'published'
);


--
-- Name: declaration_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.declaration_kind AS ENUM (
    'dependent',
    'discontinued',
    'cleared'
);


--
-- Name: indicator_direction; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.indicator_direction AS ENUM (
    'up',
    'down'
);


--
-- Name: indicator_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.indicator_kind AS ENUM (
    'numeric',
    'percent',
    'milestone',
    'unit_count'
);


--
-- Name: indicator_source; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.indicator_source AS ENUM (
    'formula',
    'progress'
);


--
-- Name: override_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.override_status AS ENUM (
    'done',
    'likely',
    'at_risk'
);


--
-- Name: period_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.period_type AS ENUM (
    'month',
    'quarter',
    'half_year',
    'year'
);


--
-- Name: plan_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.plan_status AS ENUM (
    'draft',
    'active',
    'closed'
);


--
-- Name: role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.role AS ENUM (
    'admin',
    'reporter',
    'approver',
    'viewer',
    'appraiser'
);


--
-- Name: rule_severity; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.rule_severity AS ENUM (
    'error',
    'warning'
);


--
-- Name: self_assessment_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.self_assessment_status AS ENUM (
    'draft',
    'submitted'
);


--
-- Name: submission_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.submission_status AS ENUM (
    'draft',
    'submitted',
    'approved',
    'returned'
);


--
-- Name: succession_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.succession_kind AS ENUM (
    'merge',
    'split',
    'rename',
    'reclassify'
);


--
-- Name: unit_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.unit_kind AS ENUM (
    'territorial',
    'agency'
);


--
-- Name: value_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.value_type AS ENUM (
    'integer',
    'number',
    'percent',
    'boolean',
    'text'
);


--
-- Name: audit_log_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;


--
-- Name: metrics_refuse_delete_with_values(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.metrics_refuse_delete_with_values() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM data_values WHERE metric_id = OLD.id) THEN
    RAISE EXCEPTION 'metric % still has data values', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __drizzle_migrations; Type: TABLE; Schema: drizzle; Owner: -
--

CREATE TABLE drizzle.__drizzle_migrations (
    id integer NOT NULL,
    hash text NOT NULL,
    created_at bigint
);


--
-- Name: __drizzle_migrations_id_seq; Type: SEQUENCE; Schema: drizzle; Owner: -
--

CREATE SEQUENCE drizzle.__drizzle_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: __drizzle_migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: drizzle; Owner: -
--

ALTER SEQUENCE drizzle.__drizzle_migrations_id_seq OWNED BY drizzle.__drizzle_migrations.id;


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id integer NOT NULL,
    user_id integer NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_tokens_id_seq OWNED BY public.api_tokens.id;


--
-- Name: assessment_evidence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_evidence (
    id integer NOT NULL,
    assessment_id integer NOT NULL,
    unit_id integer NOT NULL,
    criterion_code text NOT NULL,
    document_number text,
    document_date date,
    summary text,
    url text,
    file_name text,
    content_type text,
    file_size integer,
    sha256 text,
    content bytea,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by integer
);


--
-- Name: assessment_evidence_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.assessment_evidence_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: assessment_evidence_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.assessment_evidence_id_seq OWNED BY public.assessment_evidence.id;


--
-- Name: assessment_units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_units (
    assessment_id integer NOT NULL,
    unit_id integer NOT NULL,
    group_code text NOT NULL,
    status public.self_assessment_status DEFAULT 'draft'::public.self_assessment_status NOT NULL,
    submitted_at timestamp with time zone,
    submitted_by integer
);


--
-- Name: assessment_values; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_values (
    assessment_id integer NOT NULL,
    unit_id integer NOT NULL,
    criterion_code text NOT NULL,
    self_value jsonb,
    self_note text,
    self_source text DEFAULT 'manual'::text NOT NULL,
    self_updated_at timestamp with time zone,
    self_updated_by integer,
    appraisal_action public.appraisal_action,
    appraised_value jsonb,
    appraisal_reason text,
    appraised_at timestamp with time zone,
    appraised_by integer,
    council_value jsonb,
    council_reason text,
    council_at timestamp with time zone,
    council_by integer
);


--
-- Name: assessments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessments (
    id integer NOT NULL,
    code text NOT NULL,
    framework_id integer NOT NULL,
    year integer NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    status public.assessment_status DEFAULT 'open'::public.assessment_status NOT NULL,
    self_assessment_due date NOT NULL,
    appraisal_due date NOT NULL,
    verifiers jsonb DEFAULT '{}'::jsonb NOT NULL,
    finalised_at timestamp with time zone,
    finalised_by integer,
    decision_number text,
    decision_date date,
    announced_on date,
    published_at timestamp with time zone,
    published_by integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: assessments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.assessments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: assessments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.assessments_id_seq OWNED BY public.assessments.id;


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_user_id integer,
    actor_name text NOT NULL,
    ip text,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id text NOT NULL,
    before jsonb,
    after jsonb
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: data_values; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.data_values (
    submission_id integer NOT NULL,
    metric_id integer NOT NULL,
    unit_id integer NOT NULL,
    period text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    value double precision,
    text_value text,
    comment text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: form_metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.form_metrics (
    form_id integer NOT NULL,
    metric_id integer NOT NULL,
    "position" integer NOT NULL,
    required boolean DEFAULT false NOT NULL
);


--
-- Name: form_units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.form_units (
    form_id integer NOT NULL,
    unit_id integer NOT NULL
);


--
-- Name: forms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.forms (
    id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    period_type public.period_type NOT NULL,
    due_rule jsonb NOT NULL,
    lock_after_days integer,
    sections jsonb DEFAULT '[]'::jsonb NOT NULL,
    open_from text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: forms_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.forms_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: forms_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.forms_id_seq OWNED BY public.forms.id;


--
-- Name: index_frameworks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.index_frameworks (
    id integer NOT NULL,
    code text NOT NULL,
    lineage text NOT NULL,
    year integer NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by integer
);


--
-- Name: index_frameworks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.index_frameworks_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: index_frameworks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.index_frameworks_id_seq OWNED BY public.index_frameworks.id;


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    kind text NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    progress_done integer DEFAULT 0 NOT NULL,
    progress_total integer DEFAULT 0 NOT NULL,
    created_by integer NOT NULL,
    scope jsonb NOT NULL,
    params jsonb NOT NULL,
    result jsonb,
    file_bytes bytea,
    file_name text,
    content_type text,
    error_code text,
    error_vi text,
    error_en text,
    runner text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    heartbeat_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT jobs_kind_ck CHECK ((kind = ANY (ARRAY['import'::text, 'report'::text]))),
    CONSTRAINT jobs_status_ck CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text])))
);


--
-- Name: jobs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: jobs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.jobs_id_seq OWNED BY public.jobs.id;


--
-- Name: login_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_failures (
    id integer NOT NULL,
    username text NOT NULL,
    ip text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: login_failures_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.login_failures_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: login_failures_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.login_failures_id_seq OWNED BY public.login_failures.id;


--
-- Name: metrics; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.metrics (
    id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    value_type public.value_type NOT NULL,
    aggregation public.aggregation_type NOT NULL,
    unit_of_measure text,
    min_value double precision,
    max_value double precision,
    formula text,
    weight_metric_id integer,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT metrics_range_ck CHECK (((min_value IS NULL) OR (max_value IS NULL) OR (min_value <= max_value)))
);


--
-- Name: metrics_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.metrics_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: metrics_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.metrics_id_seq OWNED BY public.metrics.id;


--
-- Name: plan_documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_documents (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    pillar_id integer,
    number text NOT NULL,
    date date NOT NULL,
    issuer_vi text NOT NULL,
    summary_vi text NOT NULL,
    summary_en text,
    sample boolean DEFAULT false NOT NULL
);


--
-- Name: plan_documents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_documents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_documents_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_documents_id_seq OWNED BY public.plan_documents.id;


--
-- Name: plan_indicator_units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_indicator_units (
    indicator_id integer NOT NULL,
    unit_id integer NOT NULL
);


--
-- Name: plan_indicators; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_indicators (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    pillar_id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    kind public.indicator_kind NOT NULL,
    direction public.indicator_direction NOT NULL,
    baseline double precision,
    baseline_date date NOT NULL,
    target double precision NOT NULL,
    deadline date NOT NULL,
    unit_total integer,
    unit_of_measure_vi text,
    source public.indicator_source NOT NULL,
    formula text,
    "position" integer NOT NULL,
    sample boolean DEFAULT false NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plan_indicators_source_ck CHECK (((source = 'formula'::public.indicator_source) = (formula IS NOT NULL)))
);


--
-- Name: plan_indicators_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_indicators_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_indicators_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_indicators_id_seq OWNED BY public.plan_indicators.id;


--
-- Name: plan_key_figures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_key_figures (
    id integer NOT NULL,
    pillar_id integer NOT NULL,
    code text NOT NULL,
    formula text,
    share_of_metric_code text,
    label_vi text,
    label_en text,
    unit_of_measure_vi text,
    "position" integer NOT NULL
);


--
-- Name: plan_key_figures_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_key_figures_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_key_figures_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_key_figures_id_seq OWNED BY public.plan_key_figures.id;


--
-- Name: plan_pillars; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_pillars (
    id integer NOT NULL,
    plan_id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    "position" integer NOT NULL
);


--
-- Name: plan_pillars_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_pillars_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_pillars_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_pillars_id_seq OWNED BY public.plan_pillars.id;


--
-- Name: plan_progress_updates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_progress_updates (
    id integer NOT NULL,
    indicator_id integer NOT NULL,
    period text NOT NULL,
    period_end date NOT NULL,
    value double precision NOT NULL,
    note text,
    evidence_number text,
    evidence_date date,
    evidence_link text,
    file_name text,
    file_type text,
    file_size integer,
    file_sha256 text,
    file_content bytea,
    created_by integer,
    created_by_name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plan_progress_file_ck CHECK ((((file_content IS NULL) = (file_name IS NULL)) AND ((file_size IS NULL) OR (file_size <= 5242880))))
);


--
-- Name: plan_progress_updates_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_progress_updates_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_progress_updates_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_progress_updates_id_seq OWNED BY public.plan_progress_updates.id;


--
-- Name: plan_status_declarations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_status_declarations (
    id integer NOT NULL,
    indicator_id integer NOT NULL,
    kind public.declaration_kind NOT NULL,
    body text,
    decision text,
    reason text NOT NULL,
    from_period text NOT NULL,
    from_date date NOT NULL,
    declared_by integer,
    declared_by_name text NOT NULL,
    declared_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: plan_status_declarations_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_status_declarations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_status_declarations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_status_declarations_id_seq OWNED BY public.plan_status_declarations.id;


--
-- Name: plan_status_overrides; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plan_status_overrides (
    id integer NOT NULL,
    indicator_id integer NOT NULL,
    period text NOT NULL,
    status public.override_status NOT NULL,
    reason text NOT NULL,
    overridden_by integer,
    overridden_by_name text NOT NULL,
    overridden_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: plan_status_overrides_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plan_status_overrides_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plan_status_overrides_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plan_status_overrides_id_seq OWNED BY public.plan_status_overrides.id;


--
-- Name: plans; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.plans (
    id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    year integer NOT NULL,
    status public.plan_status DEFAULT 'draft'::public.plan_status NOT NULL,
    issuing_body_vi text NOT NULL,
    issuing_body_en text,
    document_ref_vi text,
    reporting_unit_id integer NOT NULL,
    scope_unit_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plans_year_ck CHECK (((year >= 1900) AND (year <= 2100)))
);


--
-- Name: plans_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.plans_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plans_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.plans_id_seq OWNED BY public.plans.id;


--
-- Name: report_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_templates (
    key text NOT NULL,
    lang text NOT NULL,
    body text NOT NULL,
    updated_by integer,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT report_templates_lang_ck CHECK ((lang = ANY (ARRAY['vi'::text, 'en'::text])))
);


--
-- Name: rollup_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rollup_state (
    id integer DEFAULT 1 NOT NULL,
    built boolean NOT NULL
);


--
-- Name: rollups; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rollups (
    metric_id integer NOT NULL,
    unit_id integer NOT NULL,
    period_start date NOT NULL,
    period text NOT NULL,
    period_end date NOT NULL,
    value_sum double precision DEFAULT 0 NOT NULL,
    value_count integer DEFAULT 0 NOT NULL,
    weighted_sum double precision DEFAULT 0 NOT NULL,
    weight_sum double precision DEFAULT 0 NOT NULL,
    weighted_count integer DEFAULT 0 NOT NULL,
    negative_weights integer DEFAULT 0 NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    token_hash text NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ip text,
    user_agent text
);


--
-- Name: submissions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.submissions (
    id integer NOT NULL,
    form_id integer NOT NULL,
    unit_id integer NOT NULL,
    period text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    status public.submission_status DEFAULT 'draft'::public.submission_status NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    narrative jsonb DEFAULT '{}'::jsonb NOT NULL,
    due_date date NOT NULL,
    submitted_at timestamp with time zone,
    submitted_by integer,
    late boolean DEFAULT false NOT NULL,
    approved_at timestamp with time zone,
    approved_by integer,
    returned_at timestamp with time zone,
    returned_by integer,
    return_reason text,
    reopened_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: submissions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.submissions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: submissions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.submissions_id_seq OWNED BY public.submissions.id;


--
-- Name: unit_boundaries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unit_boundaries (
    level integer NOT NULL,
    features jsonb NOT NULL,
    feature_count integer NOT NULL,
    uploaded_by_name text NOT NULL,
    uploaded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: unit_placements; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unit_placements (
    id integer NOT NULL,
    unit_id integer NOT NULL,
    parent_id integer,
    level integer NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    CONSTRAINT unit_placements_level_ck CHECK (((level >= 1) AND (level <= 6))),
    CONSTRAINT unit_placements_validity_ck CHECK (((valid_to IS NULL) OR (valid_to > valid_from)))
);


--
-- Name: unit_placements_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.unit_placements_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: unit_placements_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.unit_placements_id_seq OWNED BY public.unit_placements.id;


--
-- Name: unit_successions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.unit_successions (
    id integer NOT NULL,
    predecessor_id integer NOT NULL,
    successor_id integer NOT NULL,
    kind public.succession_kind NOT NULL,
    effective_date date NOT NULL,
    decision text
);


--
-- Name: unit_successions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.unit_successions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: unit_successions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.unit_successions_id_seq OWNED BY public.unit_successions.id;


--
-- Name: units; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.units (
    id integer NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text,
    kind public.unit_kind NOT NULL,
    type text NOT NULL,
    group_code text,
    valid_from date NOT NULL,
    valid_to date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT units_validity_ck CHECK (((valid_to IS NULL) OR (valid_to > valid_from)))
);


--
-- Name: units_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.units_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: units_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.units_id_seq OWNED BY public.units.id;


--
-- Name: user_grants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_grants (
    id integer NOT NULL,
    user_id integer NOT NULL,
    role public.role NOT NULL,
    unit_id integer NOT NULL
);


--
-- Name: user_grants_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.user_grants_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_grants_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.user_grants_id_seq OWNED BY public.user_grants.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    locale text DEFAULT 'vi'::text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: validation_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.validation_rules (
    id integer NOT NULL,
    form_id integer NOT NULL,
    code text NOT NULL,
    expression text NOT NULL,
    severity public.rule_severity NOT NULL,
    message_vi text NOT NULL,
    message_en text NOT NULL
);


--
-- Name: validation_rules_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.validation_rules_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: validation_rules_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.validation_rules_id_seq OWNED BY public.validation_rules.id;


--
-- Name: __drizzle_migrations id; Type: DEFAULT; Schema: drizzle; Owner: -
--

ALTER TABLE ONLY drizzle.__drizzle_migrations ALTER COLUMN id SET DEFAULT nextval('drizzle.__drizzle_migrations_id_seq'::regclass);


--
-- Name: api_tokens id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens ALTER COLUMN id SET DEFAULT nextval('public.api_tokens_id_seq'::regclass);


--
-- Name: assessment_evidence id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_evidence ALTER COLUMN id SET DEFAULT nextval('public.assessment_evidence_id_seq'::regclass);


--
-- Name: assessments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments ALTER COLUMN id SET DEFAULT nextval('public.assessments_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: forms id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forms ALTER COLUMN id SET DEFAULT nextval('public.forms_id_seq'::regclass);


--
-- Name: index_frameworks id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.index_frameworks ALTER COLUMN id SET DEFAULT nextval('public.index_frameworks_id_seq'::regclass);


--
-- Name: jobs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs ALTER COLUMN id SET DEFAULT nextval('public.jobs_id_seq'::regclass);


--
-- Name: login_failures id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_failures ALTER COLUMN id SET DEFAULT nextval('public.login_failures_id_seq'::regclass);


--
-- Name: metrics id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metrics ALTER COLUMN id SET DEFAULT nextval('public.metrics_id_seq'::regclass);


--
-- Name: plan_documents id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_documents ALTER COLUMN id SET DEFAULT nextval('public.plan_documents_id_seq'::regclass);


--
-- Name: plan_indicators id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicators ALTER COLUMN id SET DEFAULT nextval('public.plan_indicators_id_seq'::regclass);


--
-- Name: plan_key_figures id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_key_figures ALTER COLUMN id SET DEFAULT nextval('public.plan_key_figures_id_seq'::regclass);


--
-- Name: plan_pillars id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_pillars ALTER COLUMN id SET DEFAULT nextval('public.plan_pillars_id_seq'::regclass);


--
-- Name: plan_progress_updates id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_progress_updates ALTER COLUMN id SET DEFAULT nextval('public.plan_progress_updates_id_seq'::regclass);


--
-- Name: plan_status_declarations id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_declarations ALTER COLUMN id SET DEFAULT nextval('public.plan_status_declarations_id_seq'::regclass);


--
-- Name: plan_status_overrides id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_overrides ALTER COLUMN id SET DEFAULT nextval('public.plan_status_overrides_id_seq'::regclass);


--
-- Name: plans id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plans ALTER COLUMN id SET DEFAULT nextval('public.plans_id_seq'::regclass);


--
-- Name: submissions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions ALTER COLUMN id SET DEFAULT nextval('public.submissions_id_seq'::regclass);


--
-- Name: unit_placements id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_placements ALTER COLUMN id SET DEFAULT nextval('public.unit_placements_id_seq'::regclass);


--
-- Name: unit_successions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_successions ALTER COLUMN id SET DEFAULT nextval('public.unit_successions_id_seq'::regclass);


--
-- Name: units id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units ALTER COLUMN id SET DEFAULT nextval('public.units_id_seq'::regclass);


--
-- Name: user_grants id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_grants ALTER COLUMN id SET DEFAULT nextval('public.user_grants_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Name: validation_rules id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.validation_rules ALTER COLUMN id SET DEFAULT nextval('public.validation_rules_id_seq'::regclass);


--
-- Data for Name: __drizzle_migrations; Type: TABLE DATA; Schema: drizzle; Owner: -
--

INSERT INTO drizzle.__drizzle_migrations VALUES
	(1, '0911746e01402e9ac92860c8daa5ebbd907dbf1ca82f5b3b4e5d4d4b4ee5bd1c', 1795871017388),
	(2, 'b5d0242756fa599434d32f0268fd7b3973bc275fe3ac4773bd7f545d7827dc4e', 1795871021015),
	(3, 'c8d9a5a409e0e1f82ed79f54a8864fc4d20ad2266a43a0cf44d48031bf6826da', 1795872870921),
	(4, '401379b65fc95dc498db947feb3241f779d1c653586141710501da2472f58dc6', 1795872977986),
	(5, '26921c63c0a5d9b59bdab57ec85ebd89c821f259228ea658a43baca121f59e3b', 1795873543352),
	(6, '5b3446bb160a5c0f3b1517e0d610f24788bf8b28e3d6a09ed67a0f59efc41ba0', 1795876258227),
	(7, '36f0f3e157da23154a461f58e572a612411999e313cfcc50096b885ff07cd668', 1795880792288),
	(8, '79b92216475ee0e27e58e3cf1a4a079233644fe8f18f4591db80ddd5fc58ec3a', 1795880838831),
	(9, '70f6e69783097a092e4549b10cb50e813acc66d41ee0475a63fc1591a6b16d20', 1795880964832),
	(10, 'a7b16346f5e815cacf3051b4fcd0f8db7733ff786bf3613155d7ce870719387c', 1795882116490),
	(11, '605d40bdbf2bdd76f24af84c3e7d081f3ea71f72aff4a80d655bfc969fbfdea1', 1796227888591);


--
-- Data for Name: api_tokens; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_evidence; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_units; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessment_values; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: assessments; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_log VALUES
	(1, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'P', NULL, '{"code": "P", "kind": "territorial", "type": "tỉnh", "level": 1, "nameVi": "Tỉnh Thử", "validFrom": "2020-01-01"}'),
	(2, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'D1', NULL, '{"code": "D1", "kind": "territorial", "type": "huyện", "level": 2, "nameVi": "Huyện Một", "validFrom": "2020-01-01", "parentCode": "P"}'),
	(3, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'D2', NULL, '{"code": "D2", "kind": "territorial", "type": "huyện", "level": 2, "nameVi": "Huyện Hai", "validFrom": "2020-01-01", "parentCode": "P"}'),
	(4, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'C11', NULL, '{"code": "C11", "kind": "territorial", "type": "xã", "level": 3, "nameVi": "Xã Một Một", "validFrom": "2020-01-01", "parentCode": "D1"}'),
	(5, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'C12', NULL, '{"code": "C12", "kind": "territorial", "type": "xã", "level": 3, "nameVi": "Xã Một Hai", "validFrom": "2020-01-01", "parentCode": "D1"}'),
	(6, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'C21', NULL, '{"code": "C21", "kind": "territorial", "type": "xã", "level": 3, "nameVi": "Xã Hai Một", "validFrom": "2020-01-01", "parentCode": "D2"}'),
	(7, '2026-12-08 03:19:08.517385+00', NULL, 'fixture', NULL, 'create', 'unit', 'S1', NULL, '{"code": "S1", "kind": "agency", "type": "sở/ngành", "level": 2, "nameVi": "Sở Một", "validFrom": "2020-01-01", "parentCode": "P"}'),
	(8, '2026-12-08 03:19:08.561883+00', NULL, 'fixture', NULL, 'create', 'user', '1', NULL, '{"grants": [{"role": "admin", "unit": "P"}], "username": "admin", "displayName": "Quản trị"}'),
	(9, '2026-12-08 03:19:08.594573+00', NULL, 'fixture', NULL, 'create', 'user', '2', NULL, '{"grants": [{"role": "reporter", "unit": "C11"}], "username": "rep_c11", "displayName": "Báo cáo C11"}'),
	(10, '2026-12-08 03:19:08.615516+00', NULL, 'fixture', NULL, 'create', 'user', '3', NULL, '{"grants": [{"role": "viewer", "unit": "P"}], "username": "viewer", "displayName": "Lãnh đạo"}'),
	(11, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'SERVICES', NULL, '{"code": "SERVICES", "nameEn": "Metric SERVICES", "nameVi": "Chỉ số SERVICES", "formula": null, "maxValue": null, "minValue": null, "valueType": "integer", "aggregation": "sum", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(12, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'SUBSCRIBERS', NULL, '{"code": "SUBSCRIBERS", "nameEn": "Metric SUBSCRIBERS", "nameVi": "Chỉ số SUBSCRIBERS", "formula": null, "maxValue": null, "minValue": null, "valueType": "integer", "aggregation": "last", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(13, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'POP', NULL, '{"code": "POP", "nameEn": "Metric POP", "nameVi": "Chỉ số POP", "formula": null, "maxValue": null, "minValue": null, "valueType": "integer", "aggregation": "sum", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(14, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'SCORE', NULL, '{"code": "SCORE", "nameEn": "Metric SCORE", "nameVi": "Chỉ số SCORE", "formula": null, "maxValue": null, "minValue": null, "valueType": "number", "aggregation": "average", "description": null, "unitOfMeasure": null, "weightMetricCode": "POP"}'),
	(15, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'DONE', NULL, '{"code": "DONE", "nameEn": "Metric DONE", "nameVi": "Chỉ số DONE", "formula": null, "maxValue": null, "minValue": null, "valueType": "integer", "aggregation": "sum", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(16, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'TOTAL', NULL, '{"code": "TOTAL", "nameEn": "Metric TOTAL", "nameVi": "Chỉ số TOTAL", "formula": null, "maxValue": null, "minValue": null, "valueType": "integer", "aggregation": "sum", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(17, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'RATE', NULL, '{"code": "RATE", "nameEn": "Metric RATE", "nameVi": "Chỉ số RATE", "formula": "#{DONE} / #{TOTAL} * 100", "maxValue": null, "minValue": null, "valueType": "percent", "aggregation": "formula", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(18, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'SHARE', NULL, '{"code": "SHARE", "nameEn": "Metric SHARE", "nameVi": "Chỉ số SHARE", "formula": "#{RATE} / 100", "maxValue": null, "minValue": null, "valueType": "number", "aggregation": "formula", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(19, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'TARGET', NULL, '{"code": "TARGET", "nameEn": "Metric TARGET", "nameVi": "Chỉ số TARGET", "formula": null, "maxValue": null, "minValue": null, "valueType": "number", "aggregation": "none", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(20, '2026-12-08 03:19:08.62068+00', NULL, 'fixture', NULL, 'create', 'metric', 'FLAG', NULL, '{"code": "FLAG", "nameEn": "Metric FLAG", "nameVi": "Chỉ số FLAG", "formula": null, "maxValue": null, "minValue": null, "valueType": "boolean", "aggregation": "sum", "description": null, "unitOfMeasure": null, "weightMetricCode": null}'),
	(21, '2026-12-08 03:19:08.63485+00', NULL, 'fixture', NULL, 'create', 'form', 'F_MONTHLY', NULL, '{"code": "F_MONTHLY", "rules": [{"code": "DONE_LE_TOTAL", "severity": "error", "messageEn": "Done may not exceed total", "messageVi": "Số đã làm không vượt tổng", "expression": "#{DONE} <= #{TOTAL}"}], "nameEn": "Monthly report", "nameVi": "Biểu báo cáo tháng", "dueRule": {"days": 5, "kind": "days_after_end"}, "metrics": [{"code": "SERVICES", "nameEn": "Metric SERVICES", "nameVi": "Chỉ số SERVICES", "maxValue": null, "minValue": null, "position": 0, "required": false, "valueType": "integer", "unitOfMeasure": null}, {"code": "SUBSCRIBERS", "nameEn": "Metric SUBSCRIBERS", "nameVi": "Chỉ số SUBSCRIBERS", "maxValue": null, "minValue": null, "position": 1, "required": false, "valueType": "integer", "unitOfMeasure": null}, {"code": "POP", "nameEn": "Metric POP", "nameVi": "Chỉ số POP", "maxValue": null, "minValue": null, "position": 2, "required": false, "valueType": "integer", "unitOfMeasure": null}, {"code": "SCORE", "nameEn": "Metric SCORE", "nameVi": "Chỉ số SCORE", "maxValue": null, "minValue": null, "position": 3, "required": false, "valueType": "number", "unitOfMeasure": null}, {"code": "DONE", "nameEn": "Metric DONE", "nameVi": "Chỉ số DONE", "maxValue": null, "minValue": null, "position": 4, "required": false, "valueType": "integer", "unitOfMeasure": null}, {"code": "TOTAL", "nameEn": "Metric TOTAL", "nameVi": "Chỉ số TOTAL", "maxValue": null, "minValue": null, "position": 5, "required": false, "valueType": "integer", "unitOfMeasure": null}, {"code": "TARGET", "nameEn": "Metric TARGET", "nameVi": "Chỉ số TARGET", "maxValue": null, "minValue": null, "position": 6, "required": false, "valueType": "number", "unitOfMeasure": null}, {"code": "FLAG", "nameEn": "Metric FLAG", "nameVi": "Chỉ số FLAG", "maxValue": null, "minValue": null, "position": 7, "required": false, "valueType": "boolean", "unitOfMeasure": null}], "openFrom": null, "sections": [{"code": "results", "nameEn": "Results", "nameVi": "Kết quả thực hiện"}, {"code": "difficulties", "nameEn": "Difficulties and obstacles", "nameVi": "Khó khăn, vướng mắc"}, {"code": "proposals", "nameEn": "Proposals", "nameVi": "Đề xuất, kiến nghị"}], "unitCodes": ["C11", "C12", "C21", "D1", "S1"], "unitCount": 5, "periodType": "month", "metricCount": 8, "lockAfterDays": null}'),
	(22, '2026-12-08 03:19:08.647366+00', NULL, 'fixture', NULL, 'create', 'submission', '1', NULL, '{"form": "F_MONTHLY", "unit": "C11", "period": "202307", "values": {"SERVICES": {"value": 10, "comment": null}, "SUBSCRIBERS": {"value": 100, "comment": null}}, "narrative": {}}'),
	(23, '2026-12-08 03:19:08.656967+00', NULL, 'fixture', NULL, 'submit', 'submission', '1', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(24, '2026-12-08 03:19:08.663935+00', NULL, 'fixture', NULL, 'approve', 'submission', '1', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(25, '2026-12-08 03:19:08.677811+00', NULL, 'fixture', NULL, 'create', 'submission', '2', NULL, '{"form": "F_MONTHLY", "unit": "C11", "period": "202308", "values": {"SERVICES": {"value": 20, "comment": null}, "SUBSCRIBERS": {"value": 110, "comment": null}}, "narrative": {}}'),
	(26, '2026-12-08 03:19:08.685594+00', NULL, 'fixture', NULL, 'submit', 'submission', '2', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(27, '2026-12-08 03:19:08.691546+00', NULL, 'fixture', NULL, 'approve', 'submission', '2', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(28, '2026-12-08 03:19:08.710904+00', NULL, 'fixture', NULL, 'create', 'submission', '3', NULL, '{"form": "F_MONTHLY", "unit": "C11", "period": "202309", "values": {"POP": {"value": 1000, "comment": null}, "DONE": {"value": 9, "comment": null}, "FLAG": {"value": true, "comment": null}, "SCORE": {"value": 80, "comment": null}, "TOTAL": {"value": 11, "comment": null}, "TARGET": {"value": 5, "comment": null}, "SERVICES": {"value": 30, "comment": null}}, "narrative": {}}'),
	(29, '2026-12-08 03:19:08.718496+00', NULL, 'fixture', NULL, 'submit', 'submission', '3', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(30, '2026-12-08 03:19:08.730876+00', NULL, 'fixture', NULL, 'approve', 'submission', '3', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(31, '2026-12-08 03:19:08.751766+00', NULL, 'fixture', NULL, 'create', 'submission', '4', NULL, '{"form": "F_MONTHLY", "unit": "C11", "period": "202312", "values": {"SERVICES": {"value": 40, "comment": null}}, "narrative": {}}'),
	(32, '2026-12-08 03:19:08.758093+00', NULL, 'fixture', NULL, 'submit', 'submission', '4', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(33, '2026-12-08 03:19:08.76514+00', NULL, 'fixture', NULL, 'approve', 'submission', '4', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(34, '2026-12-08 03:19:08.774208+00', NULL, 'fixture', NULL, 'create', 'submission', '5', NULL, '{"form": "F_MONTHLY", "unit": "C12", "period": "202307", "values": {"SUBSCRIBERS": {"value": 50, "comment": null}}, "narrative": {}}'),
	(35, '2026-12-08 03:19:08.779459+00', NULL, 'fixture', NULL, 'submit', 'submission', '5', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(36, '2026-12-08 03:19:08.783939+00', NULL, 'fixture', NULL, 'approve', 'submission', '5', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(37, '2026-12-08 03:19:08.795437+00', NULL, 'fixture', NULL, 'create', 'submission', '6', NULL, '{"form": "F_MONTHLY", "unit": "C12", "period": "202309", "values": {"POP": {"value": 3000, "comment": null}, "DONE": {"value": 2, "comment": null}, "FLAG": {"value": false, "comment": null}, "SCORE": {"value": 50, "comment": null}, "TOTAL": {"value": 30, "comment": null}, "SERVICES": {"value": 5, "comment": null}, "SUBSCRIBERS": {"value": 70, "comment": null}}, "narrative": {}}'),
	(38, '2026-12-08 03:19:08.803322+00', NULL, 'fixture', NULL, 'submit', 'submission', '6', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(39, '2026-12-08 03:19:08.818841+00', NULL, 'fixture', NULL, 'approve', 'submission', '6', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(40, '2026-12-08 03:19:08.827542+00', NULL, 'fixture', NULL, 'create', 'submission', '7', NULL, '{"form": "F_MONTHLY", "unit": "C21", "period": "202309", "values": {"POP": {"value": 1000, "comment": null}, "DONE": {"value": 0, "comment": null}, "FLAG": {"value": true, "comment": null}, "SCORE": {"value": 90, "comment": null}, "TOTAL": {"value": 0, "comment": null}, "SERVICES": {"value": 7, "comment": null}}, "narrative": {}}'),
	(41, '2026-12-08 03:19:08.837161+00', NULL, 'fixture', NULL, 'submit', 'submission', '7', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(42, '2026-12-08 03:19:08.853421+00', NULL, 'fixture', NULL, 'approve', 'submission', '7', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(43, '2026-12-08 03:19:08.863999+00', NULL, 'fixture', NULL, 'create', 'submission', '8', NULL, '{"form": "F_MONTHLY", "unit": "S1", "period": "202309", "values": {"SERVICES": {"value": 100, "comment": null}}, "narrative": {}}'),
	(44, '2026-12-08 03:19:08.874674+00', NULL, 'fixture', NULL, 'submit', 'submission', '8', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(45, '2026-12-08 03:19:08.887861+00', NULL, 'fixture', NULL, 'approve', 'submission', '8', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(46, '2026-12-08 03:19:08.91221+00', NULL, 'fixture', NULL, 'create', 'submission', '9', NULL, '{"form": "F_MONTHLY", "unit": "D1", "period": "202309", "values": {"TARGET": {"value": 50, "comment": null}}, "narrative": {}}'),
	(47, '2026-12-08 03:19:08.919523+00', NULL, 'fixture', NULL, 'submit', 'submission', '9', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(48, '2026-12-08 03:19:08.92594+00', NULL, 'fixture', NULL, 'approve', 'submission', '9', '{"status": "submitted", "version": 2}', '{"status": "approved", "version": 3}'),
	(49, '2026-12-08 03:19:08.934351+00', NULL, 'fixture', NULL, 'create', 'submission', '10', NULL, '{"form": "F_MONTHLY", "unit": "C21", "period": "202308", "values": {"SERVICES": {"value": 1000, "comment": null}}, "narrative": {}}'),
	(50, '2026-12-08 03:19:08.939428+00', NULL, 'fixture', NULL, 'create', 'submission', '11', NULL, '{"form": "F_MONTHLY", "unit": "C12", "period": "202308", "values": {"SERVICES": {"value": 3, "comment": null}}, "narrative": {}}'),
	(51, '2026-12-08 03:19:08.949381+00', NULL, 'fixture', NULL, 'submit', 'submission', '11', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(52, '2026-12-08 03:19:08.95454+00', NULL, 'fixture', NULL, 'create', 'submission', '12', NULL, '{"form": "F_MONTHLY", "unit": "C21", "period": "202310", "values": {"SERVICES": {"value": 12, "comment": null}}, "narrative": {}}'),
	(53, '2026-12-08 03:19:08.960574+00', NULL, 'fixture', NULL, 'submit', 'submission', '12', '{"status": "draft", "version": 1}', '{"late": true, "status": "submitted", "version": 2}'),
	(54, '2026-12-08 03:19:08.968143+00', NULL, 'fixture', NULL, 'return', 'submission', '12', '{"status": "submitted", "version": 2}', '{"reason": "Số liệu chưa đúng", "status": "returned", "version": 3}');


--
-- Data for Name: data_values; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.data_values VALUES
	(1, 1, 4, '202307', '2023-07-01', '2023-07-31', 10, NULL, NULL, '2026-12-08 03:19:08.647366+00'),
	(1, 2, 4, '202307', '2023-07-01', '2023-07-31', 100, NULL, NULL, '2026-12-08 03:19:08.647366+00'),
	(2, 1, 4, '202308', '2023-08-01', '2023-08-31', 20, NULL, NULL, '2026-12-08 03:19:08.677811+00'),
	(2, 2, 4, '202308', '2023-08-01', '2023-08-31', 110, NULL, NULL, '2026-12-08 03:19:08.677811+00'),
	(3, 1, 4, '202309', '2023-09-01', '2023-09-30', 30, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 4, 4, '202309', '2023-09-01', '2023-09-30', 80, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 3, 4, '202309', '2023-09-01', '2023-09-30', 1000, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 5, 4, '202309', '2023-09-01', '2023-09-30', 9, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 6, 4, '202309', '2023-09-01', '2023-09-30', 11, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 9, 4, '202309', '2023-09-01', '2023-09-30', 5, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(3, 10, 4, '202309', '2023-09-01', '2023-09-30', 1, NULL, NULL, '2026-12-08 03:19:08.710904+00'),
	(4, 1, 4, '202312', '2023-12-01', '2023-12-31', 40, NULL, NULL, '2026-12-08 03:19:08.751766+00'),
	(5, 2, 5, '202307', '2023-07-01', '2023-07-31', 50, NULL, NULL, '2026-12-08 03:19:08.774208+00'),
	(6, 1, 5, '202309', '2023-09-01', '2023-09-30', 5, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 2, 5, '202309', '2023-09-01', '2023-09-30', 70, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 4, 5, '202309', '2023-09-01', '2023-09-30', 50, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 3, 5, '202309', '2023-09-01', '2023-09-30', 3000, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 5, 5, '202309', '2023-09-01', '2023-09-30', 2, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 6, 5, '202309', '2023-09-01', '2023-09-30', 30, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(6, 10, 5, '202309', '2023-09-01', '2023-09-30', 0, NULL, NULL, '2026-12-08 03:19:08.795437+00'),
	(7, 1, 6, '202309', '2023-09-01', '2023-09-30', 7, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(7, 4, 6, '202309', '2023-09-01', '2023-09-30', 90, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(7, 3, 6, '202309', '2023-09-01', '2023-09-30', 1000, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(7, 5, 6, '202309', '2023-09-01', '2023-09-30', 0, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(7, 6, 6, '202309', '2023-09-01', '2023-09-30', 0, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(7, 10, 6, '202309', '2023-09-01', '2023-09-30', 1, NULL, NULL, '2026-12-08 03:19:08.827542+00'),
	(8, 1, 7, '202309', '2023-09-01', '2023-09-30', 100, NULL, NULL, '2026-12-08 03:19:08.863999+00'),
	(9, 9, 2, '202309', '2023-09-01', '2023-09-30', 50, NULL, NULL, '2026-12-08 03:19:08.91221+00'),
	(10, 1, 6, '202308', '2023-08-01', '2023-08-31', 1000, NULL, NULL, '2026-12-08 03:19:08.934351+00'),
	(11, 1, 5, '202308', '2023-08-01', '2023-08-31', 3, NULL, NULL, '2026-12-08 03:19:08.939428+00'),
	(12, 1, 6, '202310', '2023-10-01', '2023-10-31', 12, NULL, NULL, '2026-12-08 03:19:08.95454+00');


--
-- Data for Name: form_metrics; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.form_metrics VALUES
	(1, 1, 0, false),
	(1, 2, 1, false),
	(1, 3, 2, false),
	(1, 4, 3, false),
	(1, 5, 4, false),
	(1, 6, 5, false),
	(1, 9, 6, false),
	(1, 10, 7, false);


--
-- Data for Name: form_units; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.form_units VALUES
	(1, 4),
	(1, 5),
	(1, 6),
	(1, 7),
	(1, 2);


--
-- Data for Name: forms; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.forms VALUES
	(1, 'F_MONTHLY', 'Biểu báo cáo tháng', 'Monthly report', 'month', '{"days": 5, "kind": "days_after_end"}', NULL, '[{"code": "results", "nameEn": "Results", "nameVi": "Kết quả thực hiện"}, {"code": "difficulties", "nameEn": "Difficulties and obstacles", "nameVi": "Khó khăn, vướng mắc"}, {"code": "proposals", "nameEn": "Proposals", "nameVi": "Đề xuất, kiến nghị"}]', NULL, '2026-12-08 03:19:08.63485+00');


--
-- Data for Name: index_frameworks; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: login_failures; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: metrics; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.metrics VALUES
	(1, 'SERVICES', 'Chỉ số SERVICES', 'Metric SERVICES', 'integer', 'sum', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(2, 'SUBSCRIBERS', 'Chỉ số SUBSCRIBERS', 'Metric SUBSCRIBERS', 'integer', 'last', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(3, 'POP', 'Chỉ số POP', 'Metric POP', 'integer', 'sum', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(5, 'DONE', 'Chỉ số DONE', 'Metric DONE', 'integer', 'sum', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(6, 'TOTAL', 'Chỉ số TOTAL', 'Metric TOTAL', 'integer', 'sum', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(7, 'RATE', 'Chỉ số RATE', 'Metric RATE', 'percent', 'formula', NULL, NULL, NULL, '#{DONE} / #{TOTAL} * 100', NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(8, 'SHARE', 'Chỉ số SHARE', 'Metric SHARE', 'number', 'formula', NULL, NULL, NULL, '#{RATE} / 100', NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(9, 'TARGET', 'Chỉ số TARGET', 'Metric TARGET', 'number', 'none', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(10, 'FLAG', 'Chỉ số FLAG', 'Metric FLAG', 'boolean', 'sum', NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-08 03:19:08.62068+00'),
	(4, 'SCORE', 'Chỉ số SCORE', 'Metric SCORE', 'number', 'average', NULL, NULL, NULL, NULL, 3, NULL, '2026-12-08 03:19:08.62068+00');


--
-- Data for Name: plan_documents; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_indicator_units; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_indicators; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_key_figures; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_pillars; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_progress_updates; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_status_declarations; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plan_status_overrides; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: plans; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: report_templates; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: rollup_state; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rollup_state VALUES
	(1, true);


--
-- Data for Name: rollups; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.rollups VALUES
	(1, 1, '2023-07-01', '202307', '2023-07-31', 10, 1, 0, 0, 0, 0),
	(1, 2, '2023-07-01', '202307', '2023-07-31', 10, 1, 0, 0, 0, 0),
	(1, 1, '2023-08-01', '202308', '2023-08-31', 20, 1, 0, 0, 0, 0),
	(1, 2, '2023-08-01', '202308', '2023-08-31', 20, 1, 0, 0, 0, 0),
	(2, 1, '2023-08-01', '202308', '2023-08-31', 110, 1, 0, 0, 0, 0),
	(2, 2, '2023-08-01', '202308', '2023-08-31', 110, 1, 0, 0, 0, 0),
	(9, 2, '2023-09-01', '202309', '2023-09-30', 5, 1, 0, 0, 0, 0),
	(1, 1, '2023-12-01', '202312', '2023-12-31', 40, 1, 0, 0, 0, 0),
	(1, 2, '2023-12-01', '202312', '2023-12-31', 40, 1, 0, 0, 0, 0),
	(2, 1, '2023-07-01', '202307', '2023-07-31', 150, 2, 0, 0, 0, 0),
	(2, 2, '2023-07-01', '202307', '2023-07-31', 150, 2, 0, 0, 0, 0),
	(1, 2, '2023-09-01', '202309', '2023-09-30', 35, 2, 0, 0, 0, 0),
	(2, 1, '2023-09-01', '202309', '2023-09-30', 70, 1, 0, 0, 0, 0),
	(2, 2, '2023-09-01', '202309', '2023-09-30', 70, 1, 0, 0, 0, 0),
	(3, 2, '2023-09-01', '202309', '2023-09-30', 4000, 2, 0, 0, 0, 0),
	(4, 2, '2023-09-01', '202309', '2023-09-30', 130, 2, 230000, 4000, 2, 0),
	(5, 2, '2023-09-01', '202309', '2023-09-30', 11, 2, 0, 0, 0, 0),
	(6, 2, '2023-09-01', '202309', '2023-09-30', 41, 2, 0, 0, 0, 0),
	(10, 2, '2023-09-01', '202309', '2023-09-30', 1, 2, 0, 0, 0, 0),
	(1, 3, '2023-09-01', '202309', '2023-09-30', 7, 1, 0, 0, 0, 0),
	(3, 1, '2023-09-01', '202309', '2023-09-30', 5000, 3, 0, 0, 0, 0),
	(3, 3, '2023-09-01', '202309', '2023-09-30', 1000, 1, 0, 0, 0, 0),
	(4, 1, '2023-09-01', '202309', '2023-09-30', 220, 3, 320000, 5000, 3, 0),
	(4, 3, '2023-09-01', '202309', '2023-09-30', 90, 1, 90000, 1000, 1, 0),
	(5, 1, '2023-09-01', '202309', '2023-09-30', 11, 3, 0, 0, 0, 0),
	(5, 3, '2023-09-01', '202309', '2023-09-30', 0, 1, 0, 0, 0, 0),
	(6, 1, '2023-09-01', '202309', '2023-09-30', 41, 3, 0, 0, 0, 0),
	(6, 3, '2023-09-01', '202309', '2023-09-30', 0, 1, 0, 0, 0, 0),
	(10, 1, '2023-09-01', '202309', '2023-09-30', 2, 3, 0, 0, 0, 0),
	(10, 3, '2023-09-01', '202309', '2023-09-30', 1, 1, 0, 0, 0, 0),
	(1, 1, '2023-09-01', '202309', '2023-09-30', 142, 4, 0, 0, 0, 0),
	(9, 1, '2023-09-01', '202309', '2023-09-30', 55, 2, 0, 0, 0, 0);


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: submissions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.submissions VALUES
	(1, 1, 4, '202307', '2023-07-01', '2023-07-31', 'approved', 3, '{}', '2023-08-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.667+00'),
	(2, 1, 4, '202308', '2023-08-01', '2023-08-31', 'approved', 3, '{}', '2023-09-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.698+00'),
	(3, 1, 4, '202309', '2023-09-01', '2023-09-30', 'approved', 3, '{}', '2023-10-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.737+00'),
	(4, 1, 4, '202312', '2023-12-01', '2023-12-31', 'approved', 3, '{}', '2024-01-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.767+00'),
	(5, 1, 5, '202307', '2023-07-01', '2023-07-31', 'approved', 3, '{}', '2023-08-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.789+00'),
	(6, 1, 5, '202309', '2023-09-01', '2023-09-30', 'approved', 3, '{}', '2023-10-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.821+00'),
	(7, 1, 6, '202309', '2023-09-01', '2023-09-30', 'approved', 3, '{}', '2023-10-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.856+00'),
	(8, 1, 7, '202309', '2023-09-01', '2023-09-30', 'approved', 3, '{}', '2023-10-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.895+00'),
	(9, 1, 2, '202309', '2023-09-01', '2023-09-30', 'approved', 3, '{}', '2023-10-05', '2024-01-20 03:00:00+00', NULL, true, '2024-01-20 03:00:00+00', NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.928+00'),
	(10, 1, 6, '202308', '2023-08-01', '2023-08-31', 'draft', 1, '{}', '2023-09-05', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2024-01-20 03:00:00+00'),
	(11, 1, 5, '202308', '2023-08-01', '2023-08-31', 'submitted', 2, '{}', '2023-09-05', '2024-01-20 03:00:00+00', NULL, true, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.952+00'),
	(12, 1, 6, '202310', '2023-10-01', '2023-10-31', 'returned', 3, '{}', '2023-11-05', '2024-01-20 03:00:00+00', NULL, true, NULL, NULL, '2024-01-20 03:00:00+00', NULL, 'Số liệu chưa đúng', NULL, '2024-01-20 03:00:00+00', '2026-12-08 03:19:08.97+00');


--
-- Data for Name: unit_boundaries; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: unit_placements; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.unit_placements VALUES
	(1, 1, NULL, 1, '2020-01-01', NULL),
	(2, 2, 1, 2, '2020-01-01', NULL),
	(3, 3, 1, 2, '2020-01-01', NULL),
	(4, 4, 2, 3, '2020-01-01', NULL),
	(5, 5, 2, 3, '2020-01-01', NULL),
	(6, 6, 3, 3, '2020-01-01', NULL),
	(7, 7, 1, 2, '2020-01-01', NULL);


--
-- Data for Name: unit_successions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: units; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.units VALUES
	(1, 'P', 'Tỉnh Thử', NULL, 'territorial', 'tỉnh', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(2, 'D1', 'Huyện Một', NULL, 'territorial', 'huyện', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(3, 'D2', 'Huyện Hai', NULL, 'territorial', 'huyện', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(4, 'C11', 'Xã Một Một', NULL, 'territorial', 'xã', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(5, 'C12', 'Xã Một Hai', NULL, 'territorial', 'xã', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(6, 'C21', 'Xã Hai Một', NULL, 'territorial', 'xã', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00'),
	(7, 'S1', 'Sở Một', NULL, 'agency', 'sở/ngành', NULL, '2020-01-01', NULL, '2026-12-08 03:19:08.517385+00');


--
-- Data for Name: user_grants; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.user_grants VALUES
	(1, 1, 'admin', 1),
	(2, 2, 'reporter', 4),
	(3, 3, 'viewer', 1);


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES
	(1, 'admin', 'Quản trị', '$argon2id$v=19$m=19456,t=2,p=1$KMT8RMxupdsz4/dCIdDbGg$2HBR+AuzdELSznWxYYBhBBUUZIRBwAxcScqczoZD3m4', 'vi', true, '2026-12-08 03:19:08.561883+00'),
	(2, 'rep_c11', 'Báo cáo C11', '$argon2id$v=19$m=19456,t=2,p=1$qRaLfIxzj2qUG+gmEn/uRA$MLyxMtx5Goed1GFosBYTqEtight7TifU5kVtJ5IXIRs', 'vi', true, '2026-12-08 03:19:08.594573+00'),
	(3, 'viewer', 'Lãnh đạo', '$argon2id$v=19$m=19456,t=2,p=1$27EKxBEdNO6Wxb932YL8lA$dGmpC82v7ihOnwCL0UWLHe1/F6Hkf4V3RY+LEz2YZFs', 'vi', true, '2026-12-08 03:19:08.615516+00');


--
-- Data for Name: validation_rules; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.validation_rules VALUES
	(1, 1, 'DONE_LE_TOTAL', '#{DONE} <= #{TOTAL}', 'error', 'Số đã làm không vượt tổng', 'Done may not exceed total');


--
-- Name: __drizzle_migrations_id_seq; Type: SEQUENCE SET; Schema: drizzle; Owner: -
--

SELECT pg_catalog.setval('drizzle.__drizzle_migrations_id_seq', 11, true);


--
-- Name: api_tokens_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_tokens_id_seq', 1, false);


--
-- Name: assessment_evidence_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.assessment_evidence_id_seq', 1, false);


--
-- Name: assessments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.assessments_id_seq', 1, false);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_log_id_seq', 54, true);


--
-- Name: forms_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.forms_id_seq', 1, true);


--
-- Name: index_frameworks_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.index_frameworks_id_seq', 1, false);


--
-- Name: jobs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.jobs_id_seq', 1, false);


--
-- Name: login_failures_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.login_failures_id_seq', 1, false);


--
-- Name: metrics_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.metrics_id_seq', 10, true);


--
-- Name: plan_documents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_documents_id_seq', 1, false);


--
-- Name: plan_indicators_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_indicators_id_seq', 1, false);


--
-- Name: plan_key_figures_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_key_figures_id_seq', 1, false);


--
-- Name: plan_pillars_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_pillars_id_seq', 1, false);


--
-- Name: plan_progress_updates_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_progress_updates_id_seq', 1, false);


--
-- Name: plan_status_declarations_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_status_declarations_id_seq', 1, false);


--
-- Name: plan_status_overrides_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plan_status_overrides_id_seq', 1, false);


--
-- Name: plans_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.plans_id_seq', 1, false);


--
-- Name: submissions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.submissions_id_seq', 12, true);


--
-- Name: unit_placements_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.unit_placements_id_seq', 7, true);


--
-- Name: unit_successions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.unit_successions_id_seq', 1, false);


--
-- Name: units_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.units_id_seq', 7, true);


--
-- Name: user_grants_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.user_grants_id_seq', 3, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 3, true);


--
-- Name: validation_rules_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.validation_rules_id_seq', 1, true);


--
-- Name: __drizzle_migrations __drizzle_migrations_pkey; Type: CONSTRAINT; Schema: drizzle; Owner: -
--

ALTER TABLE ONLY drizzle.__drizzle_migrations
    ADD CONSTRAINT __drizzle_migrations_pkey PRIMARY KEY (id);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: assessment_evidence assessment_evidence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_evidence
    ADD CONSTRAINT assessment_evidence_pkey PRIMARY KEY (id);


--
-- Name: assessment_units assessment_units_assessment_id_unit_id_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_units
    ADD CONSTRAINT assessment_units_assessment_id_unit_id_pk PRIMARY KEY (assessment_id, unit_id);


--
-- Name: assessment_values assessment_values_assessment_id_unit_id_criterion_code_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_assessment_id_unit_id_criterion_code_pk PRIMARY KEY (assessment_id, unit_id, criterion_code);


--
-- Name: assessments assessments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: data_values data_values_submission_id_metric_id_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_values
    ADD CONSTRAINT data_values_submission_id_metric_id_pk PRIMARY KEY (submission_id, metric_id);


--
-- Name: form_metrics form_metrics_form_id_metric_id_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_metrics
    ADD CONSTRAINT form_metrics_form_id_metric_id_pk PRIMARY KEY (form_id, metric_id);


--
-- Name: form_units form_units_form_id_unit_id_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_units
    ADD CONSTRAINT form_units_form_id_unit_id_pk PRIMARY KEY (form_id, unit_id);


--
-- Name: forms forms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forms
    ADD CONSTRAINT forms_pkey PRIMARY KEY (id);


--
-- Name: index_frameworks index_frameworks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.index_frameworks
    ADD CONSTRAINT index_frameworks_pkey PRIMARY KEY (id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: login_failures login_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_failures
    ADD CONSTRAINT login_failures_pkey PRIMARY KEY (id);


--
-- Name: metrics metrics_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metrics
    ADD CONSTRAINT metrics_pkey PRIMARY KEY (id);


--
-- Name: plan_documents plan_documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_documents
    ADD CONSTRAINT plan_documents_pkey PRIMARY KEY (id);


--
-- Name: plan_indicator_units plan_indicator_units_indicator_id_unit_id_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicator_units
    ADD CONSTRAINT plan_indicator_units_indicator_id_unit_id_pk PRIMARY KEY (indicator_id, unit_id);


--
-- Name: plan_indicators plan_indicators_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicators
    ADD CONSTRAINT plan_indicators_pkey PRIMARY KEY (id);


--
-- Name: plan_key_figures plan_key_figures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_key_figures
    ADD CONSTRAINT plan_key_figures_pkey PRIMARY KEY (id);


--
-- Name: plan_pillars plan_pillars_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_pillars
    ADD CONSTRAINT plan_pillars_pkey PRIMARY KEY (id);


--
-- Name: plan_progress_updates plan_progress_updates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_progress_updates
    ADD CONSTRAINT plan_progress_updates_pkey PRIMARY KEY (id);


--
-- Name: plan_status_declarations plan_status_declarations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_declarations
    ADD CONSTRAINT plan_status_declarations_pkey PRIMARY KEY (id);


--
-- Name: plan_status_overrides plan_status_overrides_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_overrides
    ADD CONSTRAINT plan_status_overrides_pkey PRIMARY KEY (id);


--
-- Name: plans plans_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_pkey PRIMARY KEY (id);


--
-- Name: report_templates report_templates_key_lang_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_templates
    ADD CONSTRAINT report_templates_key_lang_pk PRIMARY KEY (key, lang);


--
-- Name: rollup_state rollup_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rollup_state
    ADD CONSTRAINT rollup_state_pkey PRIMARY KEY (id);


--
-- Name: rollups rollups_metric_id_unit_id_period_start_period_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rollups
    ADD CONSTRAINT rollups_metric_id_unit_id_period_start_period_pk PRIMARY KEY (metric_id, unit_id, period_start, period);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (token_hash);


--
-- Name: submissions submissions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_pkey PRIMARY KEY (id);


--
-- Name: unit_boundaries unit_boundaries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_boundaries
    ADD CONSTRAINT unit_boundaries_pkey PRIMARY KEY (level);


--
-- Name: unit_placements unit_placements_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_placements
    ADD CONSTRAINT unit_placements_pkey PRIMARY KEY (id);


--
-- Name: unit_successions unit_successions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_successions
    ADD CONSTRAINT unit_successions_pkey PRIMARY KEY (id);


--
-- Name: units units_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.units
    ADD CONSTRAINT units_pkey PRIMARY KEY (id);


--
-- Name: user_grants user_grants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_grants
    ADD CONSTRAINT user_grants_pkey PRIMARY KEY (id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: validation_rules validation_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.validation_rules
    ADD CONSTRAINT validation_rules_pkey PRIMARY KEY (id);


--
-- Name: api_tokens_hash_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX api_tokens_hash_uq ON public.api_tokens USING btree (token_hash);


--
-- Name: assessment_evidence_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessment_evidence_idx ON public.assessment_evidence USING btree (assessment_id, unit_id, criterion_code);


--
-- Name: assessments_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX assessments_code_uq ON public.assessments USING btree (code);


--
-- Name: assessments_framework_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessments_framework_idx ON public.assessments USING btree (framework_id);


--
-- Name: audit_actor_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_actor_idx ON public.audit_log USING btree (actor_user_id, at);


--
-- Name: audit_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_at_idx ON public.audit_log USING btree (at);


--
-- Name: audit_object_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_object_idx ON public.audit_log USING btree (object_type, object_id);


--
-- Name: data_values_metric_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX data_values_metric_idx ON public.data_values USING btree (metric_id, period_start, unit_id);


--
-- Name: data_values_unit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX data_values_unit_idx ON public.data_values USING btree (unit_id, period_start);


--
-- Name: forms_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX forms_code_uq ON public.forms USING btree (code);


--
-- Name: index_frameworks_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX index_frameworks_code_uq ON public.index_frameworks USING btree (code);


--
-- Name: index_frameworks_lineage_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX index_frameworks_lineage_idx ON public.index_frameworks USING btree (lineage);


--
-- Name: jobs_creator_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_creator_idx ON public.jobs USING btree (created_by, id);


--
-- Name: jobs_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_open_idx ON public.jobs USING btree (status) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]));


--
-- Name: login_failures_ip_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_failures_ip_idx ON public.login_failures USING btree (ip, at);


--
-- Name: login_failures_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_failures_user_idx ON public.login_failures USING btree (username, at);


--
-- Name: metrics_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX metrics_code_uq ON public.metrics USING btree (code);


--
-- Name: plan_declarations_indicator_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_declarations_indicator_idx ON public.plan_status_declarations USING btree (indicator_id, from_date);


--
-- Name: plan_documents_plan_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_documents_plan_idx ON public.plan_documents USING btree (plan_id, date);


--
-- Name: plan_indicators_pillar_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_indicators_pillar_idx ON public.plan_indicators USING btree (pillar_id);


--
-- Name: plan_indicators_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX plan_indicators_uq ON public.plan_indicators USING btree (plan_id, code);


--
-- Name: plan_key_figures_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX plan_key_figures_uq ON public.plan_key_figures USING btree (pillar_id, code);


--
-- Name: plan_overrides_indicator_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_overrides_indicator_idx ON public.plan_status_overrides USING btree (indicator_id, period);


--
-- Name: plan_pillars_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX plan_pillars_uq ON public.plan_pillars USING btree (plan_id, code);


--
-- Name: plan_progress_indicator_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX plan_progress_indicator_idx ON public.plan_progress_updates USING btree (indicator_id, period_end);


--
-- Name: plans_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX plans_code_uq ON public.plans USING btree (code);


--
-- Name: sessions_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id);


--
-- Name: submissions_approved_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submissions_approved_idx ON public.submissions USING btree (unit_id, period_start, period_end, id) WHERE (status = 'approved'::public.submission_status);


--
-- Name: submissions_period_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submissions_period_idx ON public.submissions USING btree (form_id, period);


--
-- Name: submissions_unit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX submissions_unit_idx ON public.submissions USING btree (unit_id, period_start);


--
-- Name: submissions_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX submissions_uq ON public.submissions USING btree (form_id, unit_id, period);


--
-- Name: unit_placements_parent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_placements_parent_idx ON public.unit_placements USING btree (parent_id, valid_from);


--
-- Name: unit_placements_unit_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX unit_placements_unit_idx ON public.unit_placements USING btree (unit_id, valid_from);


--
-- Name: unit_successions_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX unit_successions_uq ON public.unit_successions USING btree (predecessor_id, successor_id);


--
-- Name: units_code_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX units_code_uq ON public.units USING btree (code);


--
-- Name: user_grants_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX user_grants_uq ON public.user_grants USING btree (user_id, role, unit_id);


--
-- Name: users_username_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_username_uq ON public.users USING btree (username);


--
-- Name: validation_rules_uq; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX validation_rules_uq ON public.validation_rules USING btree (form_id, code);


--
-- Name: audit_log audit_log_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.audit_log_refuse_change();


--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_refuse_change();


--
-- Name: metrics metrics_delete_guard; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER metrics_delete_guard BEFORE DELETE ON public.metrics FOR EACH ROW EXECUTE FUNCTION public.metrics_refuse_delete_with_values();


--
-- Name: api_tokens api_tokens_user_id_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: assessment_evidence assessment_evidence_assessment_id_assessments_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_evidence
    ADD CONSTRAINT assessment_evidence_assessment_id_assessments_id_fk FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- Name: assessment_evidence assessment_evidence_created_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_evidence
    ADD CONSTRAINT assessment_evidence_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: assessment_evidence assessment_evidence_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_evidence
    ADD CONSTRAINT assessment_evidence_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: assessment_units assessment_units_assessment_id_assessments_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_units
    ADD CONSTRAINT assessment_units_assessment_id_assessments_id_fk FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- Name: assessment_units assessment_units_submitted_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_units
    ADD CONSTRAINT assessment_units_submitted_by_users_id_fk FOREIGN KEY (submitted_by) REFERENCES public.users(id);


--
-- Name: assessment_units assessment_units_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_units
    ADD CONSTRAINT assessment_units_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: assessment_values assessment_values_appraised_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_appraised_by_users_id_fk FOREIGN KEY (appraised_by) REFERENCES public.users(id);


--
-- Name: assessment_values assessment_values_assessment_id_assessments_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_assessment_id_assessments_id_fk FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- Name: assessment_values assessment_values_council_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_council_by_users_id_fk FOREIGN KEY (council_by) REFERENCES public.users(id);


--
-- Name: assessment_values assessment_values_self_updated_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_self_updated_by_users_id_fk FOREIGN KEY (self_updated_by) REFERENCES public.users(id);


--
-- Name: assessment_values assessment_values_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment_values
    ADD CONSTRAINT assessment_values_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: assessments assessments_finalised_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_finalised_by_users_id_fk FOREIGN KEY (finalised_by) REFERENCES public.users(id);


--
-- Name: assessments assessments_framework_id_index_frameworks_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_framework_id_index_frameworks_id_fk FOREIGN KEY (framework_id) REFERENCES public.index_frameworks(id);


--
-- Name: assessments assessments_published_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_published_by_users_id_fk FOREIGN KEY (published_by) REFERENCES public.users(id);


--
-- Name: data_values data_values_submission_id_submissions_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_values
    ADD CONSTRAINT data_values_submission_id_submissions_id_fk FOREIGN KEY (submission_id) REFERENCES public.submissions(id) ON DELETE CASCADE;


--
-- Name: form_metrics form_metrics_form_id_forms_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_metrics
    ADD CONSTRAINT form_metrics_form_id_forms_id_fk FOREIGN KEY (form_id) REFERENCES public.forms(id) ON DELETE CASCADE;


--
-- Name: form_metrics form_metrics_metric_id_metrics_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_metrics
    ADD CONSTRAINT form_metrics_metric_id_metrics_id_fk FOREIGN KEY (metric_id) REFERENCES public.metrics(id);


--
-- Name: form_units form_units_form_id_forms_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_units
    ADD CONSTRAINT form_units_form_id_forms_id_fk FOREIGN KEY (form_id) REFERENCES public.forms(id) ON DELETE CASCADE;


--
-- Name: form_units form_units_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_units
    ADD CONSTRAINT form_units_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: index_frameworks index_frameworks_created_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.index_frameworks
    ADD CONSTRAINT index_frameworks_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: jobs jobs_created_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: plan_documents plan_documents_pillar_id_plan_pillars_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_documents
    ADD CONSTRAINT plan_documents_pillar_id_plan_pillars_id_fk FOREIGN KEY (pillar_id) REFERENCES public.plan_pillars(id);


--
-- Name: plan_documents plan_documents_plan_id_plans_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_documents
    ADD CONSTRAINT plan_documents_plan_id_plans_id_fk FOREIGN KEY (plan_id) REFERENCES public.plans(id);


--
-- Name: plan_indicator_units plan_indicator_units_indicator_id_plan_indicators_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicator_units
    ADD CONSTRAINT plan_indicator_units_indicator_id_plan_indicators_id_fk FOREIGN KEY (indicator_id) REFERENCES public.plan_indicators(id);


--
-- Name: plan_indicator_units plan_indicator_units_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicator_units
    ADD CONSTRAINT plan_indicator_units_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: plan_indicators plan_indicators_pillar_id_plan_pillars_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicators
    ADD CONSTRAINT plan_indicators_pillar_id_plan_pillars_id_fk FOREIGN KEY (pillar_id) REFERENCES public.plan_pillars(id);


--
-- Name: plan_indicators plan_indicators_plan_id_plans_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_indicators
    ADD CONSTRAINT plan_indicators_plan_id_plans_id_fk FOREIGN KEY (plan_id) REFERENCES public.plans(id);


--
-- Name: plan_key_figures plan_key_figures_pillar_id_plan_pillars_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_key_figures
    ADD CONSTRAINT plan_key_figures_pillar_id_plan_pillars_id_fk FOREIGN KEY (pillar_id) REFERENCES public.plan_pillars(id);


--
-- Name: plan_pillars plan_pillars_plan_id_plans_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_pillars
    ADD CONSTRAINT plan_pillars_plan_id_plans_id_fk FOREIGN KEY (plan_id) REFERENCES public.plans(id);


--
-- Name: plan_progress_updates plan_progress_updates_created_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_progress_updates
    ADD CONSTRAINT plan_progress_updates_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: plan_progress_updates plan_progress_updates_indicator_id_plan_indicators_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_progress_updates
    ADD CONSTRAINT plan_progress_updates_indicator_id_plan_indicators_id_fk FOREIGN KEY (indicator_id) REFERENCES public.plan_indicators(id);


--
-- Name: plan_status_declarations plan_status_declarations_declared_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_declarations
    ADD CONSTRAINT plan_status_declarations_declared_by_users_id_fk FOREIGN KEY (declared_by) REFERENCES public.users(id);


--
-- Name: plan_status_declarations plan_status_declarations_indicator_id_plan_indicators_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_declarations
    ADD CONSTRAINT plan_status_declarations_indicator_id_plan_indicators_id_fk FOREIGN KEY (indicator_id) REFERENCES public.plan_indicators(id);


--
-- Name: plan_status_overrides plan_status_overrides_indicator_id_plan_indicators_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_overrides
    ADD CONSTRAINT plan_status_overrides_indicator_id_plan_indicators_id_fk FOREIGN KEY (indicator_id) REFERENCES public.plan_indicators(id);


--
-- Name: plan_status_overrides plan_status_overrides_overridden_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plan_status_overrides
    ADD CONSTRAINT plan_status_overrides_overridden_by_users_id_fk FOREIGN KEY (overridden_by) REFERENCES public.users(id);


--
-- Name: plans plans_reporting_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_reporting_unit_id_units_id_fk FOREIGN KEY (reporting_unit_id) REFERENCES public.units(id);


--
-- Name: plans plans_scope_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_scope_unit_id_units_id_fk FOREIGN KEY (scope_unit_id) REFERENCES public.units(id);


--
-- Name: report_templates report_templates_updated_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_templates
    ADD CONSTRAINT report_templates_updated_by_users_id_fk FOREIGN KEY (updated_by) REFERENCES public.users(id);


--
-- Name: sessions sessions_user_id_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: submissions submissions_approved_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_approved_by_users_id_fk FOREIGN KEY (approved_by) REFERENCES public.users(id);


--
-- Name: submissions submissions_form_id_forms_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_form_id_forms_id_fk FOREIGN KEY (form_id) REFERENCES public.forms(id);


--
-- Name: submissions submissions_returned_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_returned_by_users_id_fk FOREIGN KEY (returned_by) REFERENCES public.users(id);


--
-- Name: submissions submissions_submitted_by_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_submitted_by_users_id_fk FOREIGN KEY (submitted_by) REFERENCES public.users(id);


--
-- Name: submissions submissions_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.submissions
    ADD CONSTRAINT submissions_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: unit_placements unit_placements_parent_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_placements
    ADD CONSTRAINT unit_placements_parent_id_units_id_fk FOREIGN KEY (parent_id) REFERENCES public.units(id);


--
-- Name: unit_placements unit_placements_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_placements
    ADD CONSTRAINT unit_placements_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: unit_successions unit_successions_predecessor_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_successions
    ADD CONSTRAINT unit_successions_predecessor_id_units_id_fk FOREIGN KEY (predecessor_id) REFERENCES public.units(id);


--
-- Name: unit_successions unit_successions_successor_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.unit_successions
    ADD CONSTRAINT unit_successions_successor_id_units_id_fk FOREIGN KEY (successor_id) REFERENCES public.units(id);


--
-- Name: user_grants user_grants_unit_id_units_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_grants
    ADD CONSTRAINT user_grants_unit_id_units_id_fk FOREIGN KEY (unit_id) REFERENCES public.units(id);


--
-- Name: user_grants user_grants_user_id_users_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_grants
    ADD CONSTRAINT user_grants_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: validation_rules validation_rules_form_id_forms_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.validation_rules
    ADD CONSTRAINT validation_rules_form_id_forms_id_fk FOREIGN KEY (form_id) REFERENCES public.forms(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


