import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { useGetList, useGetOne } from 'react-admin';
import { addDays, formatDay, todayIso } from '../common/format';

const WINDOW = 28;

/**
 * The last four weeks of one mission for one student, a square per day: present, absent, or outside the
 * mission (before it began, after it ended, or today, which is still open). Absences are as visible as days
 * present; the counts say it in words.
 */
export const AttendanceStrip = ({ studentId, missionId }: { studentId: unknown; missionId: unknown }) => {
  const { data: mission } = useGetOne('missions', { id: missionId as number }, { enabled: missionId != null });
  const today = todayIso();
  const from = addDays(today, -WINDOW);
  const { data = [], isPending } = useGetList('daily_attendance', {
    filter: { student_id: studentId, mission_id: missionId, local_date_gte: from, local_date_lte: today },
    pagination: { page: 1, perPage: WINDOW + 1 },
    sort: { field: 'local_date', order: 'ASC' },
  });
  if (isPending || !mission) return null;
  const present = new Set(data.map((r) => String(r.local_date).slice(0, 10)));
  const days = Array.from({ length: WINDOW }, (_, i) => addDays(today, i - WINDOW));
  const inMission = (day: string) => day >= String(mission.starts_on).slice(0, 10) && day <= String(mission.ends_on).slice(0, 10);
  const counted = days.filter(inMission);
  const attended = counted.filter((d) => present.has(d)).length;
  const absent = counted.length - attended;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {`Last 4 weeks: present ${attended} ${attended === 1 ? 'day' : 'days'}, absent ${absent} ${absent === 1 ? 'day' : 'days'}.`}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: '3px' }} role="list" aria-label="Attendance, last 4 weeks">
        {days.map((day) => {
          const state = !inMission(day) ? 'outside' : present.has(day) ? 'present' : 'absent';
          const label = `${formatDay(day)}: ${state === 'outside' ? 'outside the mission' : state}`;
          return (
            <Tooltip key={day} title={label}>
              <Box
                role="listitem"
                aria-label={label}
                sx={{
                  width: 18,
                  height: 18,
                  borderRadius: '3px',
                  fontSize: 12,
                  lineHeight: '18px',
                  textAlign: 'center',
                  color: '#fff',
                  bgcolor: state === 'present' ? 'success.dark' : state === 'absent' ? 'error.dark' : 'grey.300',
                }}
              >
                {state === 'present' ? '✓' : state === 'absent' ? '✗' : ''}
              </Box>
            </Tooltip>
          );
        })}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        ✓ present · ✗ absent · grey: outside the mission
      </Typography>
    </Box>
  );
};
