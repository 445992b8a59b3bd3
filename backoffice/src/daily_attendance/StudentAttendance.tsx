import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import { DataTable, ReferenceManyField, SimpleList, useGetList, useRecordContext, type RaRecord } from 'react-admin';
import { CompactPagination } from '../common/CompactPagination';
import { formatDateTime, formatDay } from '../common/format';
import { lines } from '../common/ListParts';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { None, SectionToolbar } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { AttendanceStrip } from './AttendanceStrip';

/** "M1 (12 days)": the count of the student's days in one mission. */
const MissionDays = ({ studentId, enrolment }: { studentId: unknown; enrolment: RaRecord }) => {
  const { total, isPending } = useGetList('daily_attendance', {
    filter: { student_id: studentId, mission_id: enrolment.mission_id },
    pagination: { page: 1, perPage: 0 },
    sort: { field: 'local_date', order: 'DESC' },
  });
  return <span>{`${enrolment.mission_code}${isPending ? '' : ` (${total ?? 0} ${total === 1 ? 'day' : 'days'})`}`}</span>;
};

/** The student's attendance days, one tab per mission they are enrolled in (a student's show page). */
export const StudentAttendance = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  const { data: enrolments = [], isPending } = useGetList(
    'mission_enrolments',
    { filter: { student_id: record?.id }, pagination: { page: 1, perPage: 100 }, sort: { field: 'created_at', order: 'ASC' } },
    { enabled: record != null }
  );
  const [chosen, setChosen] = useState<unknown>(null);
  if (!record || isPending) return null;
  if (enrolments.length === 0) return <None text="In no mission, so no attendance." />;
  const missionId = chosen ?? enrolments[0].mission_id;
  const empty = <None text="No day submitted in this mission." />;
  return (
    <Box>
      <Tabs
        value={String(missionId)}
        onChange={(_e, value) => setChosen(value)}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        aria-label="Attendance per mission"
        sx={{ mb: 1 }}
      >
        {enrolments.map((e) => (
          <Tab key={e.id} value={String(e.mission_id)} label={<MissionDays studentId={record.id} enrolment={e} />} />
        ))}
      </Tabs>
      <AttendanceStrip studentId={record.id} missionId={missionId} />
      <ReferenceManyField
        reference="daily_attendance"
        target="student_id"
        filter={{ mission_id: missionId }}
        sort={{ field: 'local_date', order: 'DESC' }}
        perPage={31}
        pagination={<CompactPagination />}
      >
        <SectionToolbar>
          <ExportCsvButton filter={{ student_id: record.id }} />
        </SectionToolbar>
        {isSmall ? (
          <SimpleList
            primaryText={(r) => formatDay(r.local_date)}
            secondaryText={(r) => lines(r.note, `Submitted ${formatDateTime(r.submitted_at)}`)}
            rowClick={false}
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
            <DataTable.Col source="local_date" label="Day" render={(r) => formatDay(r.local_date)} />
            <DataTable.Col source="submitted_at" label="Submitted" render={(r) => formatDateTime(r.submitted_at)} />
            <DataTable.Col source="note" label="What they did" disableSort render={(r) => r.note ?? ''} />
          </DataTable>
        )}
      </ReferenceManyField>
    </Box>
  );
};
