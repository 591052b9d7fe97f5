-- The latest final (submitted or validated) assessment of each organisation against each framework version:
-- what the programme heat map and an organisation's current results read, without scanning every assessment
-- ever held. Kept by the assessment service on submission and reopening (LatestFinalAssessments); filled here
-- from the existing assessments.
create table assessment_latest_final (
    framework_version_id    bigint  not null,
    organisation_id         bigint  not null,
    assessment_id           bigint  not null references assessment (id),
    held_on                 date    not null,
    primary key (framework_version_id, organisation_id)
);

insert into assessment_latest_final (framework_version_id, organisation_id, assessment_id, held_on)
select framework_version_id, organisation_id, id, held_on
from (select a.framework_version_id, a.organisation_id, a.id, a.held_on,
             row_number() over (partition by a.framework_version_id, a.organisation_id
                                order by a.held_on desc, a.id desc) as rn
      from assessment a
      where a.state in ('SUBMITTED', 'VALIDATED')) ranked
where rn = 1;
