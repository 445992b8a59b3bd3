import { Box } from '@mui/material';
import { DataTable, ListBase, Pagination, SimpleList, useRecordContext } from 'react-admin';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';

const studentPage = (_id: unknown, _resource: unknown, r: Record<string, unknown>) => `/students/${r.student_id}/show`;

/**
 * The mission's ranking by points (GET /missions/:id/leaderboard, paged), read as the virtual
 * `leaderboard` list of the data provider. Mentors see their students with their rank in the mission.
 */
export const MissionLeaderboard = () => {
  const record = useRecordContext();
  const isSmall = useIsSmall();
  if (!record) return null;
  const empty = <None text="No student is enrolled in this mission." />;
  return (
    <Box sx={{ p: 2 }}>
      <ListBase
        resource="leaderboard"
        filter={{ mission_id: record.id }}
        perPage={25}
        sort={{ field: 'rank', order: 'ASC' }}
        disableSyncWithLocation
        storeKey={false}
        disableAuthentication
      >
        {isSmall ? (
          <SimpleList
            primaryText={(r) => `${r.rank}. ${r.name}`}
            secondaryText={(r) => `${r.points} points`}
            rowClick={studentPage}
            empty={empty}
          />
        ) : (
          <DataTable bulkActionButtons={false} rowClick={studentPage} empty={empty}>
            <DataTable.NumberCol source="rank" label="Rank" disableSort />
            <DataTable.Col source="name" label="Student" disableSort />
            <DataTable.NumberCol source="points" label="Points" disableSort />
          </DataTable>
        )}
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </ListBase>
    </Box>
  );
};
