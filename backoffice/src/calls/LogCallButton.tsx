import { useState } from 'react';
import { Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import SaveIcon from '@mui/icons-material/Save';
import {
  DateInput,
  Form,
  FormDataConsumer,
  RadioButtonGroupInput,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useCanAccess,
  useCreate,
  useNotify,
  useRecordContext,
  useRefresh,
  type RaRecord,
} from 'react-admin';
import { CALL_OUTCOME_CHOICES } from '../common/choices';
import { errorMessage, fieldErrors } from '../common/errors';
import { formatDay, plural, todayIso } from '../common/format';
import { ReasonChips, outcomeText } from '../common/RiskChips';
import { stickyActions } from '../common/dialogStyles';
import { useIsSmall } from '../common/useIsSmall';
import { CallScripts, PhoneLink } from './CallParts';

// The API's wording (call_logs), checked here first for a quicker answer.
const NEEDS_DATE = 'Pick the follow-up date the student asked for.';
const IN_PAST = 'The follow-up date is in the past; pick today or a later day.';

const followUpRule = (value: unknown, values: Record<string, unknown>) => {
  if (values?.outcome === 'reschedule' && !value) return NEEDS_DATE;
  if (value && String(value).slice(0, 10) < todayIso()) return IN_PAST;
  return undefined;
};

/** What the log does to the call (the API's rule), said after saving. */
const effectText = (outcome: string, followUp: string | null) => {
  if (followUp) return `Call logged. It is due again on ${formatDay(followUp)}.`;
  if (outcome === 'picked') return 'Call logged. The call is done.';
  if (outcome === 'wrong_number') return 'Call logged. Wrong number: the call is closed.';
  return 'Call logged. It is due again tomorrow.';
};

const followUpHelp = (outcome: unknown) =>
  outcome === 'reschedule'
    ? 'The day the student asked to be called back.'
    : outcome === 'picked' || outcome === 'wrong_number'
      ? 'Blank closes the call; a date keeps it open until then.'
      : 'Blank: the call is due again tomorrow.';

/** The form: what happened, notes, when to call again. Saving POSTs a call log, which moves the call on. */
const LogCallDialog = ({ call, onClose }: { call: RaRecord; onClose: () => void }) => {
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const isSmall = useIsSmall();
  const submit = async (values: Record<string, unknown>) => {
    const outcome = String(values.outcome ?? '');
    const followUp = values.follow_up_on ? String(values.follow_up_on).slice(0, 10) : null;
    try {
      await create(
        'call_logs',
        { data: { call_id: call.id, outcome, notes: String(values.notes ?? '').trim(), follow_up_on: followUp } },
        { returnPromise: true }
      );
      notify(effectText(outcome, followUp), { type: 'success' });
      onClose();
      refresh();
      return undefined;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return fieldErrors(error);
    }
  };
  const attempts = Number(call.attempts ?? 0);
  return (
    <Dialog
      open
      onClose={onClose}
      fullScreen={isSmall}
      fullWidth
      maxWidth="sm"
      aria-labelledby="log-call-title"
      onClick={(e) => e.stopPropagation()}
    >
      <Form onSubmit={submit} defaultValues={{ outcome: null, notes: '', follow_up_on: null }}>
        <DialogTitle id="log-call-title" sx={{ overflowWrap: 'anywhere' }}>{`Log a call to ${call.student_name ?? 'the student'}`}</DialogTitle>
        <DialogContent>
          <Stack spacing={1} sx={{ mb: 2 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              {'student_phone' in call && <PhoneLink phone={call.student_phone} />}
              <ReasonChips reasons={call.reasons} />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {attempts ? `${plural(attempts, 'attempt')} so far, last: ${outcomeText(call.last_outcome)}.` : 'First attempt.'}
            </Typography>
            <CallScripts reasons={call.reasons} folded />
          </Stack>
          <RadioButtonGroupInput
            source="outcome"
            label="What happened?"
            choices={CALL_OUTCOME_CHOICES}
            row={false}
            validate={required('Choose what happened on the call.')}
          />
          <FormDataConsumer>
            {({ formData }) => (
              <Box sx={{ maxWidth: 260 }}>
                <DateInput
                  source="follow_up_on"
                  label={formData.outcome === 'reschedule' ? 'Call back on' : 'Call again on (optional)'}
                  validate={followUpRule}
                  helperText={followUpHelp(formData.outcome)}
                  slotProps={{ htmlInput: { min: todayIso() } }}
                  fullWidth
                />
              </Box>
            )}
          </FormDataConsumer>
          <TextInput
            source="notes"
            label="Notes"
            multiline
            minRows={3}
            validate={maxLength(5000, 'Notes are too long (5,000 characters at most).')}
            helperText="What the student said; their mentor can read it."
            fullWidth
          />
        </DialogContent>
        <DialogActions sx={stickyActions}>
          <MuiButton onClick={onClose}>Cancel</MuiButton>
          <SaveButton label="Save call" icon={<SaveIcon />} disabled={isPending} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** "Log call" for a call (the record in context, or `call`), for those who may log calls (SREs, admins). */
export const LogCallButton = ({ call, variant = 'text' }: { call?: RaRecord; variant?: 'text' | 'contained' | 'outlined' }) => {
  const context = useRecordContext();
  const record = call ?? context;
  const { canAccess } = useCanAccess({ resource: 'call_logs', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  return (
    <>
      <MuiButton
        size="small"
        variant={variant}
        startIcon={<PhoneInTalkIcon />}
        aria-label={`Log call to ${record.student_name}`}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        sx={{ whiteSpace: 'nowrap' }}
      >
        Log call
      </MuiButton>
      {open && <LogCallDialog call={record} onClose={() => setOpen(false)} />}
    </>
  );
};
