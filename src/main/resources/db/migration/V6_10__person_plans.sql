-- A person's plan (person_id set) made from their own self-assessment: which one, whether the person shared it,
-- and who reviews it (the rater the person named on that self-assessment; they sign off when named as the
-- person's supervisor, otherwise the focal points of the person's organisation do). See docs/planning.md.
alter table plan add column self_assessment_id bigint;
alter table plan add column shared boolean default false not null;
alter table plan add column reviewer_person_id bigint;
alter table plan add column reviewer_signs boolean default false not null;
create index plan_by_person on plan (person_id);
create index plan_by_reviewer on plan (reviewer_person_id);
