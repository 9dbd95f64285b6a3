-- The points ledger is append-only: a correction is a new entry that reverses the old one (DESIGN.md §4).
CREATE FUNCTION point_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_entries is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER point_entries_append_only BEFORE UPDATE OR DELETE ON point_entries
  FOR EACH ROW EXECUTE FUNCTION point_entries_guard();
--> statement-breakpoint
-- The default rules of issue 7, in force from the start; the county admin changes them by adding versions.
INSERT INTO point_rules (code, version, points, cap_group, cap, cap_period, effective_from) VALUES
  ('theme_day_present', 1, 5, 'theme_day', 60, 'year', '2000-01-01'),
  ('theme_day_late', 1, 3, 'theme_day', 60, 'year', '2000-01-01'),
  ('general_meeting_present', 1, 5, 'general_meeting', 20, 'year', '2000-01-01'),
  ('committee_meeting_present', 1, 5, 'committee_meeting', 60, 'year', '2000-01-01'),
  ('group_meeting_present', 1, 5, 'group_meeting', 60, 'year', '2000-01-01'),
  ('party_lecture_present', 1, 5, 'party_lecture', 5, 'year', '2000-01-01'),
  ('absent_without_leave', 1, -2, NULL, NULL, NULL, '2000-01-01'),
  ('makeup_confirmed', 1, 2, NULL, NULL, NULL, '2000-01-01'),
  ('volunteer_hour', 1, 1, 'volunteer_hour', 20, 'month', '2000-01-01'),
  ('community_report', 1, 5, 'community_report', 5, 'half_year', '2000-01-01'),
  ('dues_on_time', 1, 1, NULL, NULL, NULL, '2000-01-01');
