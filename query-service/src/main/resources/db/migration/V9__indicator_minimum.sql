-- The least value the state or federal program accepts for an indicator, where it has one (PlanningCycleOpened
-- revision 3): the comparisons draw it as a rule.
ALTER TABLE cycle_indicator ADD COLUMN minimum NUMERIC;
