import { Box } from '@mui/material';
import { DataTable, FunctionField, Link, List, ReferenceField, SearchInput, SelectInput, SimpleList, useRecordContext } from 'react-admin';
import { formatDateTime } from '../common/format';
import { ListActions } from '../common/ListActions';
import { lines } from '../common/ListParts';
import { wideFiltersSx } from '../common/listStyles';
import { MentorInput } from '../common/MentorInput';
import { MissionInput } from '../common/ReferenceInputs';
import { None } from '../common/Section';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { RatingStars } from './RatingStars';

const RATING_CHOICES = [1, 2, 3, 4].map((n) => ({ id: n, name: n === 1 ? '1 star' : `${n} stars or fewer` }));

const filters = (isSmall: boolean, isMentor: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search comments" />,
  <MissionInput key="mission_id" source="mission_id" alwaysOn={!isSmall} />,
  ...(isMentor ? [] : [<MentorInput key="mentor_id" source="mentor_id" alwaysOn={!isSmall} />]),
  <SelectInput key="rating_lte" source="rating_lte" label="Rating" choices={RATING_CHOICES} alwaysOn={!isSmall} />,
];

const MeetingLink = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <Link to={`/meetings/${record.meeting_id}/show`}>{String(record.meeting_title ?? `Meeting #${record.meeting_id}`)}</Link>;
};

const stars = (rating: unknown) => '★'.repeat(Number(rating ?? 0)) + '☆'.repeat(5 - Number(rating ?? 0));

/**
 * Students' ratings of the meetings they attended, newest first. Mentors see their own meetings' ratings
 * ("My feedback") without who gave them: the API leaves student_id and student_name out for them.
 * Averages per mentor are in the mentor load report.
 */
export const MentorFeedbackList = () => {
  const isSmall = useIsSmall();
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  return (
    <List
      sx={wideFiltersSx}
      title={isMentor ? 'My feedback' : 'Meeting feedback'}
      filters={filters(isSmall, isMentor)}
      actions={<ListActions />}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${stars(r.rating)} ${r.meeting_title}`}
          secondaryText={(r) =>
            lines(
              r.comment,
              [isMentor ? null : `for ${r.mentor_name}`, r.student_name ? `from ${r.student_name}` : null, formatDateTime(r.created_at)]
                .filter(Boolean)
                .join(' · ')
            )
          }
          rowClick={false}
          empty={<None text="No feedback yet." />}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={<None text="No feedback yet." />}>
          <DataTable.Col source="rating" label="Rating" render={(r) => <RatingStars value={r.rating} />} />
          <DataTable.Col
            source="comment"
            label="Comment"
            disableSort
            render={(r) => (
              <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.comment || '—'}
              </Box>
            )}
          />
          <DataTable.Col source="meeting_title" label="Meeting" disableSort>
            <MeetingLink />
          </DataTable.Col>
          <DataTable.Col source="mission_id" label="Mission" disableSort>
            <ReferenceField source="mission_id" reference="missions" link="show">
              <FunctionField render={(m) => [m.batch_code, m.code].filter(Boolean).join(' · ')} />
            </ReferenceField>
          </DataTable.Col>
          {!isMentor && <DataTable.Col source="mentor_name" label="Mentor" disableSort />}
          {!isMentor && <DataTable.Col source="student_name" label="Student" disableSort render={(r) => r.student_name ?? '—'} />}
          <DataTable.Col source="created_at" label="When" render={(r) => formatDateTime(r.created_at)} />
        </DataTable>
      )}
    </List>
  );
};
