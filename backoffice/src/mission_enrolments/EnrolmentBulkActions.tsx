import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { BulkUpdateButton, useListContext, useNotify } from 'react-admin';
import { plural } from '../common/format';

/**
 * "Mark completed" on the selected enrolments, in one request (dataProvider.updateMany →
 * PUT /mission_enrolments?filter={"id":[…]}): a completed enrolment is what a certificate needs.
 */
export const EnrolmentBulkActions = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const notify = useNotify();
  return (
    <BulkUpdateButton
      label="Mark completed"
      data={{ status: 'completed' }}
      icon={<TaskAltIcon />}
      mutationMode="pessimistic"
      confirmTitle="Mark the selected enrolments completed?"
      confirmContent="These students have finished the mission; certificates can then be issued from the mission's page."
      onSuccess={() => {
        notify(`${plural(selectedIds.length, 'enrolment')} marked completed.`, { type: 'info' });
        onUnselectItems();
      }}
    />
  );
};
