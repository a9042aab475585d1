-- A hash chain per stream (plan or cycle): every event's hash covers the previous event's hash of its
-- stream and a canonical form of the event, so an edit of any stored event (only possible by
-- disabling the append-only trigger) is detectable by recomputing the chain. Canonical form, as bytes:
--   previous_hash (32 bytes; empty for a stream's first event)
--   || UTF-8 of: event_identifier \n aggregate_identifier \n sequence_number \n payload_type \n
--                payload_revision (empty if none) \n time_stamp \n
--   || payload || '\n' || meta_data (empty if none)
-- event_hash = SHA-256 of those bytes. The README shows how to recompute it with sha256sum.
ALTER TABLE domain_event_entry ADD COLUMN previous_hash BYTEA;
ALTER TABLE domain_event_entry ADD COLUMN event_hash BYTEA;

-- Chain heads over all streams, recorded now and then, to be published outside the system.
CREATE TABLE chain_checkpoint (
    checkpoint_id        BIGSERIAL    NOT NULL,
    through_global_index BIGINT       NOT NULL,
    streams              BIGINT       NOT NULL,
    head_hash            VARCHAR(64)  NOT NULL,
    recorded_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT chain_checkpoint_pk PRIMARY KEY (checkpoint_id)
);

/* [jooq ignore start] */
CREATE FUNCTION event_canonical_hash(previous BYTEA, e domain_event_entry) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(coalesce(previous, ''::bytea)
        || convert_to(concat_ws(E'\n', e.event_identifier, e.aggregate_identifier, e.sequence_number::text, e.payload_type,
                                coalesce(e.payload_revision, ''), e.time_stamp) || E'\n', 'UTF8')
        || e.payload || convert_to(E'\n', 'UTF8') || coalesce(e.meta_data, ''::bytea))
$$;

CREATE FUNCTION chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.previous_hash := (SELECT p.event_hash FROM domain_event_entry p
                          WHERE p.aggregate_identifier = NEW.aggregate_identifier
                            AND p.sequence_number = NEW.sequence_number - 1);
    NEW.event_hash := event_canonical_hash(NEW.previous_hash, NEW);
    RETURN NEW;
END
$$;

-- Events stored before this migration join the chain once, in stream order.
ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only;
DO $$
DECLARE
    e domain_event_entry;
    previous BYTEA;
    stream VARCHAR(255) := NULL;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number LOOP
        IF stream IS DISTINCT FROM e.aggregate_identifier THEN
            previous := NULL;
            stream := e.aggregate_identifier;
        END IF;
        UPDATE domain_event_entry SET previous_hash = previous, event_hash = event_canonical_hash(previous, e)
            WHERE global_index = e.global_index;
        previous := event_canonical_hash(previous, e);
    END LOOP;
END
$$;
ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION chain_event();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pmp_command_app') THEN
        GRANT SELECT, INSERT ON chain_checkpoint TO pmp_command_app;
        GRANT USAGE, SELECT ON SEQUENCE chain_checkpoint_checkpoint_id_seq TO pmp_command_app;
    END IF;
END
$$;
/* [jooq ignore stop] */
