import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import CelebrationIcon from '@mui/icons-material/Celebration';
import SendIcon from '@mui/icons-material/Send';
import {
  Form,
  SaveButton,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useCreate,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  type RaRecord,
} from 'react-admin';
import { stickyActions } from '../common/dialogStyles';
import { errorMessage, fieldErrors } from '../common/errors';
import { useIsSmall } from '../common/useIsSmall';
import { useMe } from '../providers/useMe';
import { BADGE_CHOICES } from './badges';

/**
 * The missions a shout-out may name: a mentor's pairings with this student (the API refuses the others),
 * everyone else the student's mission enrolments.
 */
const useShoutoutMissions = (studentId: RaRecord['id']) => {
  const me = useMe();
  const isMentor = me?.role === 'mentor';
  const params = { pagination: { page: 1, perPage: 100 }, sort: { field: 'created_at', order: 'DESC' as const } };
  const pairings = useGetList('mentor_pairings', { ...params, filter: { student_id: studentId, mentor_id: me?.id } }, { enabled: isMentor });
  const enrolments = useGetList('mission_enrolments', { ...params, filter: { student_id: studentId } }, { enabled: !isMentor });
  const { data = [], isPending } = isMentor ? pairings : enrolments;
  const seen = new Set<string>();
  const choices = data
    .filter((row) => !seen.has(String(row.mission_id)) && seen.add(String(row.mission_id)))
    .map((row) => ({ id: row.mission_id, name: `${row.mission_code} — ${row.mission_title}` }));
  return { choices, isPending };
};

const ShoutoutDialog = ({ student, onClose }: { student: RaRecord; onClose: () => void }) => {
  const [create, { isPending: saving }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const isSmall = useIsSmall();
  const { choices, isPending } = useShoutoutMissions(student.id);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await create(
        'shoutouts',
        {
          data: {
            student_id: student.id,
            badge: values.badge,
            mission_id: values.mission_id || null,
            message: String(values.message ?? '').trim(),
          },
        },
        { returnPromise: true }
      );
      notify(`Shout-out sent to ${student.name ?? 'the student'}.`, { type: 'success' });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return fieldErrors(error);
    }
  };
  return (
    <Dialog open onClose={onClose} fullScreen={isSmall} fullWidth maxWidth="sm" aria-labelledby="shoutout-title">
      {/* Made again once the missions are known, so a single mission is chosen for you. */}
      <Form key={isPending ? 'loading' : 'ready'} onSubmit={submit} defaultValues={{ badge: null, mission_id: choices.length === 1 ? choices[0].id : null, message: '' }}>
        <DialogTitle id="shoutout-title" sx={{ overflowWrap: 'anywhere' }}>{`Give ${student.name ?? 'the student'} a shout-out`}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            The student sees it on their Achievements page in the portal, with your name.
          </Typography>
          <SelectInput source="badge" label="Badge" choices={BADGE_CHOICES} validate={required('Choose a badge.')} fullWidth />
          <SelectInput
            source="mission_id"
            label="Mission"
            choices={choices}
            isPending={isPending}
            emptyText="No particular mission"
            helperText="Optional: the mission it is about."
            fullWidth
          />
          <TextInput
            source="message"
            label="Message"
            multiline
            minRows={3}
            validate={maxLength(500, 'Keep the message under 500 characters.')}
            helperText="Optional, up to 500 characters: what they did well."
            fullWidth
          />
        </DialogContent>
        <DialogActions sx={stickyActions}>
          <MuiButton onClick={onClose}>Cancel</MuiButton>
          <SaveButton label="Send shout-out" icon={<SendIcon />} disabled={saving} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/**
 * "Give a shout-out" on a student's page: mentors (for their own students), SREs, managers and admins.
 * The student is the record in context (a students record: id = the student's user id).
 */
export const GiveShoutoutButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'shoutouts', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  return (
    <>
      <MuiButton size="small" startIcon={<CelebrationIcon />} onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap', lineHeight: 1.5 }}>
        Give a shout-out
      </MuiButton>
      {open && <ShoutoutDialog student={record} onClose={() => setOpen(false)} />}
    </>
  );
};
