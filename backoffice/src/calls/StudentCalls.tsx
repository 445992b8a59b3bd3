import { DataTable, ReferenceManyField, SimpleList } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { formatDay, formatPercent } from '../common/format';
import { RiskField, RiskLevelChip, reasonsText } from '../common/RiskChips';
import { None, Section } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { Attendance, missedText, pointsText } from '../student_progress/StudentProgressList';
import { CallLogTable } from './CallParts';
import { CallTable } from './CallTable';

/** The student's standing in each mission (the low-performer report's rows for them). */
const Standing = () => {
  const isSmall = useIsSmall();
  const empty = <None text="In no mission." />;
  return (
    <ReferenceManyField reference="student_progress" target="student_id" sort={{ field: 'mission_code', order: 'ASC' }} perPage={25} pagination={<CompactPagination />}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.batch_code} · ${r.mission_code}`}
          secondaryText={(r) =>
            `Attendance ${formatPercent(r.attendance_rate)} · missed ${missedText(r)} · progress ${formatPercent(r.progress)}${
              reasonsText(r.risk_reasons) ? ` · ${reasonsText(r.risk_reasons)}` : ''
            }`
          }
          tertiaryText={(r) => <RiskLevelChip risk={r.risk} />}
          rowClick={false}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
          <DataTable.Col source="mission_code" label="Mission" render={(r) => `${r.batch_code} · ${r.mission_code} — ${r.mission_title}`} />
          <DataTable.Col source="attendance_rate" label="Attendance" render={(r) => <Attendance record={r} />} />
          <DataTable.Col source="assignments_missed" label="Missed" render={missedText} />
          <DataTable.Col source="points" label="Points" render={pointsText} />
          <DataTable.Col source="progress" label="Progress" render={(r) => formatPercent(r.progress)} />
          <DataTable.Col source="risk" label="Risk">
            <RiskField />
          </DataTable.Col>
          <DataTable.Col source="last_attended_on" label="Last attended" render={(r) => (r.last_attended_on ? formatDay(r.last_attended_on) : 'Never')} />
        </DataTable>
      )}
    </ReferenceManyField>
  );
};

/** A student's show page tab: their risk per mission, the calls about them, and every call logged. */
export const StudentCalls = () => {
  const me = useMe();
  const canSee = (resource: string) => can(me?.permissions, resource, 'list');
  return (
    <>
      {canSee('student_progress') && (
        <Section title="Standing">
          <Standing />
        </Section>
      )}
      {canSee('calls') && (
        <Section title="Calls">
          <ReferenceManyField reference="calls" target="student_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<CompactPagination />}>
            <CallTable showList showStudent={false} empty={<None text="Not on any call list." />} />
          </ReferenceManyField>
        </Section>
      )}
      {canSee('call_logs') && (
        <Section title="Call log">
          <ReferenceManyField reference="call_logs" target="student_id" sort={{ field: 'called_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
            <CallLogTable empty={<None text="No call logged." />} />
          </ReferenceManyField>
        </Section>
      )}
    </>
  );
};
