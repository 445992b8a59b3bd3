import { useState } from 'react';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
  Typography,
} from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Form,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceManyField,
  RecordContextProvider,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { FormPanel } from '../common/FormPanel';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { INTEGRITY_ACTION_CHOICES, INTEGRITY_ACTION_HELP, choiceName } from '../common/choices';
import { CompactPagination } from '../common/CompactPagination';
import { errorMessage } from '../common/errors';
import { formatDateTime, nowMs, toIsoInstant } from '../common/format';
import { ZonedDateTimeInput } from '../common/DateTimes';
import { None } from '../common/Section';
import { StatusChip } from '../common/StatusChip';

const isLive = (r: Record<string, unknown>) => !r.lifted_at && (!r.ends_at || Date.parse(String(r.ends_at)) > nowMs());

const stateText = (r: Record<string, unknown>) =>
  r.lifted_at
    ? `Lifted ${formatDateTime(r.lifted_at)} by ${r.lifted_by_name}: ${r.lift_reason}`
    : r.ends_at
    ? `${isLive(r) ? 'Until' : 'Ended'} ${formatDateTime(r.ends_at)}`
    : 'In force, no end';

/** Lift an action in force, with the reason (PUT {lift_reason}, audited). */
const LiftButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'integrity_actions', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !canAccess || !isLive(record)) return null;
  const lift = async () => {
    setTouched(true);
    if (!reason.trim()) return;
    try {
      await update(
        'integrity_actions',
        { id: record.id, data: { lift_reason: reason.trim() }, previousData: record },
        { mutationMode: 'pessimistic', returnPromise: true }
      );
      notify('Action lifted.', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <>
      <MuiButton size="small" startIcon={<LockOpenIcon />} onClick={() => setOpen(true)}>
        Lift
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="lift-title">
        <DialogTitle id="lift-title">{`Lift the ${choiceName(INTEGRITY_ACTION_CHOICES, record.action).toLowerCase()}`}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            The student's access follows at once; the lift is recorded with its reason.
          </Typography>
          <TextField
            label="Why it is lifted"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && !reason.trim()}
            helperText={touched && !reason.trim() ? 'Say why the action is lifted.' : ' '}
            multiline
            minRows={2}
            fullWidth
            required
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
          <MuiButton variant="contained" onClick={lift} disabled={isPending}>
            Lift action
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The actions as cards (the whole reason shown, at any width), latest first, each with its lift button. */
const ActionCards = () => {
  const { data = [], isPending } = useListContext();
  if (isPending) return null;
  if (data.length === 0) return <None text="No action taken on this case." />;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1 }} aria-label="Actions on the case">
      {data.map((action) => (
        <RecordContextProvider value={action} key={action.id}>
          <Box component="li" sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, opacity: isLive(action) ? 1 : 0.75 }}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              <StatusChip source="action" choices={INTEGRITY_ACTION_CHOICES} />
              <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
                {`${formatDateTime(action.taken_at)} by ${action.taken_by_name}`}
              </Typography>
              <LiftButton />
            </Box>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 1 }}>
              {String(action.reason)}
            </Typography>
            <Typography variant="caption" component="p" color={isLive(action) ? 'text.primary' : 'text.secondary'} sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
              {stateText(action)}
            </Typography>
          </Box>
        </RecordContextProvider>
      ))}
    </Box>
  );
};

/** Every action taken on the case, latest first, with lift for SREs and admins. */
export const CaseActionList = () => (
  <ReferenceManyField reference="integrity_actions" target="case_id" sort={{ field: 'taken_at', order: 'DESC' }} perPage={25} pagination={<CompactPagination />}>
    <ActionCards />
  </ReferenceManyField>
);

/** Take an action on the case (SREs and admins): warning, restrict, ban or delist, with the reason and an optional end. */
export const TakeActionForm = () => {
  const kase = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'integrity_actions', action: 'create' });
  const { save, isPending, formKey } = useCreateAndReset('integrity_actions');
  if (!kase || !canAccess) return null;

  const submit = async (values: Record<string, unknown>) => {
    const ends = toIsoInstant(values.ends_at);
    return save(
      { case_id: kase.id, action: values.action, reason: String(values.reason ?? '').trim(), ...(ends ? { ends_at: ends } : {}) },
      `${choiceName(INTEGRITY_ACTION_CHOICES, values.action)} recorded; the student is emailed.`
    );
  };

  return (
    <FormPanel id="take-action-heading" title="Take an action" sx={{ mt: 2 }}>
      <Form key={formKey} onSubmit={submit} defaultValues={{ action: 'warning' }}>
        <Grid container columnSpacing={2}>
          <Grid size={12}>
            <RadioButtonGroupInput source="action" label="Action" choices={INTEGRITY_ACTION_CHOICES} validate={required()} helperText={false} />
            <FormDataConsumer>
              {({ formData }) => (
                <Typography variant="body2" color={formData.action === 'ban' || formData.action === 'delist' ? 'error' : 'text.secondary'} sx={{ mb: 1 }}>
                  {INTEGRITY_ACTION_HELP[String(formData.action)] ?? ''}
                </Typography>
              )}
            </FormDataConsumer>
          </Grid>
          <Grid size={12}>
            <TextInput
              source="reason"
              label="Reason"
              multiline
              minRows={2}
              validate={[required('Give the reason the student will read.'), maxLength(5000)]}
              helperText="The student reads this in the portal and in the email."
              fullWidth
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 7, md: 5 }}>
            <ZonedDateTimeInput source="ends_at" label="Ends at (optional)" helperText="Blank: until lifted." fullWidth />
          </Grid>
          <Grid size={12}>
            <FormDataConsumer>
              {({ formData }) => (
                <SaveButton
                  label={formData.action === 'ban' ? 'Ban the student' : formData.action === 'delist' ? 'Delist the student' : formData.action === 'restrict' ? 'Restrict the student' : 'Record the warning'}
                  icon={<GavelIcon />}
                  color={formData.action === 'ban' || formData.action === 'delist' ? 'error' : 'primary'}
                  disabled={isPending}
                  alwaysEnable
                />
              )}
            </FormDataConsumer>
          </Grid>
        </Grid>
      </Form>
    </FormPanel>
  );
};
