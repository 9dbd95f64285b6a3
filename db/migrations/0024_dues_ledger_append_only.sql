-- The dues ledger is append-only: a correction is a new entry that reverses the old one (docs/architecture.md#writes-and-reads).
CREATE FUNCTION dues_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dues_entries is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_entries_append_only BEFORE UPDATE OR DELETE ON dues_entries
  FOR EACH ROW EXECUTE FUNCTION dues_entries_guard();
--> statement-breakpoint
-- A declared base is history too: a new declaration is a new row.
CREATE FUNCTION dues_bases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dues_bases is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dues_bases_append_only BEFORE UPDATE OR DELETE ON dues_bases
  FOR EACH ROW EXECUTE FUNCTION dues_bases_guard();
--> statement-breakpoint
-- What the theme day recorded so far moves into the ledger; the amount due was not known then, so it is the amount paid.
INSERT INTO dues_entries (member_id, branch_id, month, amount_fen, due_fen, channel, activity_id, recorded_by, recorded_at)
SELECT d.member_id, a.branch_id, d.month, d.amount_fen, d.amount_fen, 'theme_day', d.activity_id, d.recorded_by, d.recorded_at
FROM dues_payments d JOIN activities a ON a.id = d.activity_id;
