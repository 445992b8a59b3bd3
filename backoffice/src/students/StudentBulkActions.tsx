import { useState, type ReactElement } from 'react';
import { Menu, MenuItem, ListItemIcon, ListItemText } from '@mui/material';
import SchoolIcon from '@mui/icons-material/School';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import RuleIcon from '@mui/icons-material/Rule';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  BooleanInput,
  Button,
  FormDataConsumer,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useListContext,
  type Identifier,
} from 'react-admin';
import { STUDENT_STATUS_CHOICES, choiceName } from '../common/choices';
import { plural } from '../common/format';
import { MentorInput } from '../common/MentorInput';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { useSmsDataProvider } from '../providers/dataProvider';
import { StudentBulkDialog } from './StudentBulkDialog';

type DialogProps = { open: boolean; onClose: () => void };

const of = (n: number, total: number) =>
  n === total ? plural(n, 'student') : `${n.toLocaleString()} of ${plural(total, 'student')}`;

export const EnrolDialog = ({ open, onClose }: DialogProps) => {
  const dataProvider = useSmsDataProvider();
  const { filterValues } = useListContext();
  return (
    <StudentBulkDialog
      open={open}
      onClose={onClose}
      title="Enrol in a mission"
      submitLabel="Enrol"
      icon={<SchoolIcon />}
      defaultValues={{ add_to_batch: true, mission_id: filterValues?.mission_id }}
      run={async (values, filter) => {
        const r = await dataProvider.studentAction('enrol', filter, {
          mission_id: values.mission_id,
          add_to_batch: Boolean(values.add_to_batch),
        });
        const extra = [
          r.already_enrolled ? `${r.already_enrolled.toLocaleString()} already enrolled` : '',
          r.added_to_batch ? `${plural(r.added_to_batch, 'student')} added to the batch` : '',
        ].filter(Boolean);
        return `Enrolled ${of(r.enrolled, r.matched)}${extra.length ? ` (${extra.join('; ')})` : ''}.`;
      }}
    >
      <MissionInput source="mission_id" validate={required('Choose a mission.')} fullWidth />
      <BooleanInput source="add_to_batch" label="Also add them to the mission's batch if they are not in it" helperText={false} />
    </StudentBulkDialog>
  );
};

export const PairDialog = ({
  open,
  onClose,
  missionId,
  baseFilter,
}: DialogProps & { missionId?: Identifier; baseFilter?: Record<string, unknown> }) => {
  const dataProvider = useSmsDataProvider();
  const { filterValues } = useListContext();
  return (
    <StudentBulkDialog
      open={open}
      onClose={onClose}
      title="Pair with a mentor"
      description="The students must be enrolled in the mission, and the mentor assigned to it."
      submitLabel="Pair"
      icon={<HandshakeIcon />}
      baseFilter={baseFilter}
      defaultValues={{ mission_id: missionId ?? filterValues?.mission_id ?? filterValues?.unpaired_in_mission_id }}
      run={async (values, filter) => {
        const r = await dataProvider.studentAction('pair', filter, {
          mission_id: values.mission_id,
          mentor_id: values.mentor_id,
        });
        return `Paired ${of(r.paired, r.matched)} with the mentor${
          r.already_paired ? ` (${r.already_paired.toLocaleString()} already paired with them)` : ''
        }.`;
      }}
    >
      {missionId == null && <MissionInput source="mission_id" validate={required('Choose a mission.')} fullWidth />}
      <FormDataConsumer>
        {({ formData }) =>
          formData.mission_id ? (
            <MentorInput
              key={String(formData.mission_id)}
              source="mentor_id"
              missionId={formData.mission_id}
              validate={required('Choose a mentor.')}
              helperText="Students already paired with each mentor on this mission, and their capacity"
              fullWidth
            />
          ) : null
        }
      </FormDataConsumer>
    </StudentBulkDialog>
  );
};

const reasonRequired = (value: unknown, all: Record<string, unknown>) =>
  all.status && all.status !== 'active' && !String(value ?? '').trim()
    ? `Give a reason when students are ${String(all.status)}.`
    : undefined;

export const StatusDialog = ({ open, onClose }: DialogProps) => {
  const dataProvider = useSmsDataProvider();
  return (
    <StudentBulkDialog
      open={open}
      onClose={onClose}
      title="Change status"
      description="Banned and delisted students can only sign in to see why and to appeal."
      submitLabel="Change status"
      icon={<RuleIcon />}
      run={async (values, filter) => {
        const data: Record<string, unknown> = { status: values.status };
        if (values.status !== 'active') data.status_reason = String(values.status_reason ?? '').trim();
        const ids = await dataProvider.updateWhere('students', filter, data);
        return `${plural(ids.length, 'student')} now ${choiceName(STUDENT_STATUS_CHOICES, values.status).toLowerCase()}.`;
      }}
    >
      <SelectInput
        source="status"
        label="New status"
        choices={STUDENT_STATUS_CHOICES}
        validate={required('Choose a status.')}
        fullWidth
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.status && formData.status !== 'active' ? (
            <TextInput
              source="status_reason"
              label="Reason"
              multiline
              minRows={2}
              validate={[reasonRequired, maxLength(2000)]}
              helperText="Recorded with the change; the student sees it."
              fullWidth
            />
          ) : null
        }
      </FormDataConsumer>
    </StudentBulkDialog>
  );
};

export const MoveBatchDialog = ({ open, onClose }: DialogProps) => {
  const dataProvider = useSmsDataProvider();
  const { filterValues } = useListContext();
  return (
    <StudentBulkDialog
      open={open}
      onClose={onClose}
      title="Move to another batch"
      description="Their mission enrolments and mentor pairings in the old batch end with the move."
      submitLabel="Move"
      icon={<SwapHorizIcon />}
      defaultValues={{ from_batch_id: filterValues?.batch_id }}
      run={async (values, filter) => {
        const r = await dataProvider.studentAction('move-batch', filter, {
          from_batch_id: values.from_batch_id,
          to_batch_id: values.to_batch_id,
        });
        return `Moved ${of(r.moved, r.matched)} to the new batch; ${plural(
          r.mission_enrolments_ended,
          'mission enrolment'
        )} and ${plural(r.pairings_ended, 'mentor pairing')} ended.`;
      }}
    >
      <BatchInput source="from_batch_id" label="From batch" validate={required('Choose the batch they leave.')} fullWidth />
      <BatchInput
        source="to_batch_id"
        label="To batch"
        validate={[
          required('Choose the batch they join.'),
          (value: unknown, all: Record<string, unknown>) =>
            value != null && String(value) === String(all.from_batch_id) ? 'Choose two different batches.' : undefined,
        ]}
        fullWidth
      />
    </StudentBulkDialog>
  );
};

type ActionKey = 'enrol' | 'pair' | 'status' | 'move';

/** Which bulk actions this user may run (mirrors the API's permission map; the API decides). */
export const useStudentActions = () => {
  const enrol = useCanAccess({ resource: 'mission_enrolments', action: 'create' }).canAccess;
  const pair = useCanAccess({ resource: 'mentor_pairings', action: 'create' }).canAccess;
  const status = useCanAccess({ resource: 'students', action: 'edit' }).canAccess;
  const move = useCanAccess({ resource: 'batch_enrolments', action: 'delete' }).canAccess;
  const actions: { key: ActionKey; label: string; icon: ReactElement }[] = [];
  if (enrol) actions.push({ key: 'enrol', label: 'Enrol in mission', icon: <SchoolIcon /> });
  if (pair) actions.push({ key: 'pair', label: 'Pair with mentor', icon: <HandshakeIcon /> });
  if (status) actions.push({ key: 'status', label: 'Change status', icon: <RuleIcon /> });
  if (move) actions.push({ key: 'move', label: 'Move to batch', icon: <SwapHorizIcon /> });
  return actions;
};

const Dialogs = ({ open, onClose }: { open: ActionKey | null; onClose: () => void }) => (
  <>
    {open === 'enrol' && <EnrolDialog open onClose={onClose} />}
    {open === 'pair' && <PairDialog open onClose={onClose} />}
    {open === 'status' && <StatusDialog open onClose={onClose} />}
    {open === 'move' && <MoveBatchDialog open onClose={onClose} />}
  </>
);

/** The students list's bulk action buttons (shown once rows are selected). */
export const StudentBulkActions = () => {
  const actions = useStudentActions();
  const [open, setOpen] = useState<ActionKey | null>(null);
  return (
    <>
      {actions.map((a) => (
        <Button key={a.key} label={a.label} onClick={() => setOpen(a.key)}>
          {a.icon}
        </Button>
      ))}
      <Dialogs open={open} onClose={() => setOpen(null)} />
    </>
  );
};

/**
 * The same actions from the list's toolbar, for all students matching the filters (and on
 * phones, where the list has no row selection).
 */
export const StudentActionsMenu = () => {
  const actions = useStudentActions();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<ActionKey | null>(null);
  if (actions.length === 0) return null;
  return (
    <>
      <Button
        label="Bulk actions"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-controls={anchor ? 'student-actions-menu' : undefined}
      >
        <MoreVertIcon />
      </Button>
      <Menu id="student-actions-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {actions.map((a) => (
          <MenuItem
            key={a.key}
            onClick={() => {
              setAnchor(null);
              setOpen(a.key);
            }}
          >
            <ListItemIcon>{a.icon}</ListItemIcon>
            <ListItemText>{a.label}…</ListItemText>
          </MenuItem>
        ))}
      </Menu>
      <Dialogs open={open} onClose={() => setOpen(null)} />
    </>
  );
};
