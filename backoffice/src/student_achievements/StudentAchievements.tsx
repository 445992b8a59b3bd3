import { Chip, Stack } from '@mui/material';
import { DataTable, Link, ReferenceManyField, SimpleList, useRecordContext, type RaRecord } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { plural } from '../common/format';
import { lines } from '../common/ListParts';
import { None, Section } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { CertificateTable } from '../certificates/CertificateTable';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { ShoutoutTable } from '../shoutouts/ShoutoutTable';

/** The badges a mission enrolment's record earned by itself: the longest streak's milestone and every deadline met. */
const badgesOf = (r: RaRecord) =>
  [r.streak_30 ? '30-day streak' : r.streak_7 ? '7-day streak' : null, r.all_on_time ? 'Every assignment on time' : null].filter(
    (b): b is string => b !== null
  );

const BadgeChips = ({ record }: { record: RaRecord }) => {
  const badges = badgesOf(record);
  if (!badges.length) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {badges.map((b) => (
        <Chip key={b} size="small" color="success" label={b} />
      ))}
    </Stack>
  );
};

const streakText = (r: RaRecord) => `Longest streak: ${plural(Number(r.longest_streak ?? 0), 'day')} in a row`;
const dueText = (r: RaRecord) =>
  Number(r.assignments_due ?? 0) ? `${plural(Number(r.assignments_due), 'assignment')} past deadline` : 'No deadline passed yet';

/** Per mission: the longest run of daily check-ins, the 7/30-day streak and the on-time badge (student_achievements). */
const MissionBadges = () => {
  const isSmall = useIsSmall();
  const empty = <None text="In no mission yet." />;
  return (
    <ReferenceManyField reference="student_achievements" target="student_id" sort={{ field: 'mission_code', order: 'ASC' }} perPage={50} pagination={<CompactPagination />}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.mission_code} — ${r.mission_title}`}
          secondaryText={(r) => lines(streakText(r), badgesOf(r).map((b) => `★ ${b}`).join(' · '))}
          rowClick={false}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
          <DataTable.Col
            source="mission_code"
            label="Mission"
            render={(r) => <Link to={`/missions/${r.mission_id}/show`}>{`${r.mission_code} — ${r.mission_title}`}</Link>}
          />
          <DataTable.Col source="longest_streak" label="Longest streak" align="right" render={(r) => plural(Number(r.longest_streak ?? 0), 'day')} />
          <DataTable.Col source="assignments_due" label="Deadlines passed" disableSort render={dueText} />
          <DataTable.Col label="Badges" disableSort render={(r) => <BadgeChips record={r as RaRecord} />} />
        </DataTable>
      )}
    </ReferenceManyField>
  );
};

/**
 * The student's "Achievements" tab: badges earned per mission, the shout-outs they were given and their
 * certificates (each section shown to those who may read it).
 */
export const StudentAchievements = () => {
  const record = useRecordContext();
  const me = useMe();
  const canSee = (resource: string) => can(me?.permissions, resource, 'list');
  if (!record) return null;
  return (
    <>
      {canSee('student_achievements') && (
        <Section title="Streaks and badges" id="achievements-badges">
          <MissionBadges />
        </Section>
      )}
      {canSee('shoutouts') && (
        <Section title="Shout-outs" id="achievements-shoutouts">
          <ReferenceManyField reference="shoutouts" target="student_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
            <ShoutoutTable showStudent={false} empty={<None text="No shout-out yet." />} />
          </ReferenceManyField>
        </Section>
      )}
      {canSee('certificates') && (
        <Section title="Certificates" id="achievements-certificates">
          <ReferenceManyField reference="certificates" target="student_id" sort={{ field: 'issued_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
            <CertificateTable showStudent={false} empty={<None text="No certificate yet." />} />
          </ReferenceManyField>
        </Section>
      )}
    </>
  );
};
