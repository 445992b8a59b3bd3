import type { ReactElement } from 'react';
import { Box, LinearProgress, Stack } from '@mui/material';
import { DataTable, DeleteButton, Link, RecordContextProvider, useCanAccess, useListContext, useRecordContext } from 'react-admin';
import { formatDateTime } from '../common/format';
import { StudentLink } from '../common/ListParts';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { BadgeChip } from './badges';

/** "Delete" on a shout-out the user may take back: admins any, mentors their own (the API scopes it the same way). */
export const DeleteShoutoutButton = (_props: { label?: string }) => {
  const record = useRecordContext();
  const me = useMe();
  const { canAccess } = useCanAccess({ resource: 'shoutouts', action: 'delete' });
  if (!record || !canAccess) return null;
  if (me?.role === 'mentor' && String(record.given_by) !== String(me.id)) return null;
  return (
    <DeleteButton
      resource="shoutouts"
      record={record}
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle="Delete this shout-out?"
      confirmContent="The student will no longer see it."
      successMessage="Shout-out deleted."
    />
  );
};

const MissionLink = () => {
  const record = useRecordContext();
  if (!record?.mission_id) return <span>—</span>;
  return <Link to={`/missions/${record.mission_id}/show`}>{String(record.mission_code ?? `#${record.mission_id}`)}</Link>;
};

/** On phones: one row per shout-out with the delete button beside it (a SimpleList row is one link; the button would sit in it). */
const ShoutoutCards = ({ showStudent, empty }: { showStudent: boolean; empty?: ReactElement }) => {
  const { data, isPending } = useListContext();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (!data?.length) return empty ?? null;
  return (
    <Stack component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((r) => (
        <Box component="li" key={r.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <RecordContextProvider value={r}>
            <Box sx={{ flex: 1, minWidth: 0, typography: 'body2', overflowWrap: 'anywhere' }}>
              <Box sx={{ mb: 0.5 }}>
                <BadgeChip badge={r.badge} />
                {showStudent && (
                  <Box component="span" sx={{ ml: 1, typography: 'body1' }}>
                    <StudentLink />
                  </Box>
                )}
              </Box>
              {r.message && <Box sx={{ whiteSpace: 'pre-wrap' }}>{r.message}</Box>}
              <Box sx={{ color: 'text.secondary' }}>
                {`From ${r.giver_name}${r.mission_code ? ` · ${r.mission_code}` : ''} · ${formatDateTime(r.created_at)}`}
              </Box>
            </Box>
            <DeleteShoutoutButton />
          </RecordContextProvider>
        </Box>
      ))}
    </Stack>
  );
};

/** Shout-outs in the current list context (a list or a student's section): badge, message, who, when. */
export const ShoutoutTable = ({ showStudent = true, empty }: { showStudent?: boolean; empty?: ReactElement }) => {
  const isSmall = useIsSmall();
  if (isSmall) return <ShoutoutCards showStudent={showStudent} empty={empty} />;
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
      <DataTable.Col source="badge" label="Badge" render={(r) => <BadgeChip badge={r.badge} />} />
      <DataTable.Col
        source="message"
        label="Message"
        disableSort
        render={(r) => (
          <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.message || '—'}
          </Box>
        )}
      />
      {showStudent && (
        <DataTable.Col source="student_name" label="Student" disableSort>
          <StudentLink />
        </DataTable.Col>
      )}
      <DataTable.Col source="giver_name" label="Given by" disableSort />
      <DataTable.Col source="mission_code" label="Mission" disableSort>
        <MissionLink />
      </DataTable.Col>
      <DataTable.Col source="created_at" label="When" render={(r) => formatDateTime(r.created_at)} />
      <DataTable.Col label="" disableSort>
        <DeleteShoutoutButton />
      </DataTable.Col>
    </DataTable>
  );
};
