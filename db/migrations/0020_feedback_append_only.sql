-- A complaint or suggestion is never deleted and never rewritten: only its one answer is written, once.
CREATE FUNCTION feedback_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'feedback is never deleted';
  END IF;
  IF OLD.status <> 'open'
    OR NEW.receipt IS DISTINCT FROM OLD.receipt OR NEW.county_id IS DISTINCT FROM OLD.county_id
    OR NEW.path IS DISTINCT FROM OLD.path OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.subject IS DISTINCT FROM OLD.subject OR NEW.branch_id IS DISTINCT FROM OLD.branch_id
    OR NEW.sender_id IS DISTINCT FROM OLD.sender_id OR NEW.contact IS DISTINCT FROM OLD.contact
    OR NEW.anonymous IS DISTINCT FROM OLD.anonymous OR NEW.body IS DISTINCT FROM OLD.body
    OR NEW.due_at IS DISTINCT FROM OLD.due_at OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'feedback is append-only: only its answer is written, once';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_append_only BEFORE UPDATE OR DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION feedback_guard();
--> statement-breakpoint
-- Who read which version of the privacy notice is a record: never changed, never deleted.
CREATE FUNCTION privacy_acknowledgements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'privacy_acknowledgements is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER privacy_acknowledgements_append_only BEFORE UPDATE OR DELETE ON privacy_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION privacy_acknowledgements_guard();
