import { useEffect, useRef, useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PhoneForwardedIcon from '@mui/icons-material/PhoneForwarded';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import {
  BooleanInput,
  Form,
  FormDataConsumer,
  RadioButtonGroupInput,
  TextInput,
  maxLength,
  useListContext,
  useGetOne,
  useNotify,
  useRedirect,
  type Identifier,
} from 'react-admin';
import { RISK_CHOICES, choiceName } from '../common/choices';
import { errorMessage } from '../common/errors';
import { plural } from '../common/format';
import { BatchInput, MissionInput } from '../common/ReferenceInputs';
import { reasonsText } from '../common/RiskChips';
import { stickyActions } from '../common/dialogStyles';
import { useIsSmall } from '../common/useIsSmall';
import { useSreDirectory } from '../calls/useSreDirectory';
import { useSmsDataProvider, type CallListPlan, type CallListRequest } from '../providers/dataProvider';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

const RISK_LEVEL_CHOICES = [
  { id: 'high', name: 'High risk only' },
  { id: 'high_medium', name: 'High and medium risk' },
];

interface Values {
  batch_id?: Identifier | null;
  mission_id?: Identifier | null;
  risk: 'high' | 'high_medium';
  include_open?: boolean;
  title?: string;
}

const SCOPE_MESSAGE = 'Choose a batch or a mission to call about.';

const validate = (values: Record<string, unknown>) => {
  const errors: Record<string, string> = {};
  if (!values.batch_id && !values.mission_id) errors.mission_id = SCOPE_MESSAGE;
  return errors;
};

/** A single id from a list filter value (an id, or a one-element list); otherwise undefined. */
const single = (value: unknown): Identifier | undefined => {
  if (Array.isArray(value)) return value.length === 1 ? (value[0] as Identifier) : undefined;
  return value === '' || value == null ? undefined : (value as Identifier);
};

/** Who takes how many calls, and the students on the list (folded away). */
const PlanPreview = ({ plan }: { plan: CallListPlan }) => {
  const nameOf = (id: number) => plan.sres.find((s) => s.sre_id === id)?.name ?? `SRE #${id}`;
  return (
    <Stack spacing={1.5} component="section" aria-label="Call list preview" sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Chip label={`Students to call: ${plan.students.toLocaleString()}`} color={plan.students ? 'primary' : 'default'} />
        <Chip
          label={`Skipped, already on an open call: ${plan.skipped_open.toLocaleString()}`}
          color={plan.skipped_open ? 'warning' : 'default'}
          variant={plan.skipped_open ? 'filled' : 'outlined'}
        />
      </Stack>
      <Alert severity={plan.students ? 'info' : 'warning'}>
        {plan.students
          ? `Nothing is created yet. "${plan.title}" will give ${plural(plan.students, 'call')} to ${plural(
              plan.sres.filter((s) => s.new_calls > 0).length,
              'SRE'
            )}, the fewest open calls first.`
          : plan.skipped_open
            ? 'Everyone at this risk level already has an open call. Tick "Include students already on an open call" to call them again.'
            : 'Nobody is at this risk level right now, so there is nobody to call.'}
      </Alert>
      <TableContainer>
        <Table size="small" aria-label="Calls per SRE">
          <TableHead>
            <TableRow>
              <TableCell>SRE</TableCell>
              <TableCell align="right">Open now</TableCell>
              <TableCell align="right">New</TableCell>
              <TableCell align="right">Total</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.sres.map((s) => (
              <TableRow key={s.sre_id}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{s.name}</TableCell>
                <TableCell align="right">{s.open_before}</TableCell>
                <TableCell align="right">{s.new_calls}</TableCell>
                <TableCell align="right">{s.open_before + s.new_calls}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {plan.calls.length > 0 && (
        <Accordion disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2">{`Students (${plan.calls.length.toLocaleString()})`}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Box component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 280, overflowY: 'auto', overflowWrap: 'anywhere' }}>
              {plan.calls.map((c) => (
                <Typography component="li" variant="body2" key={c.student_id}>
                  {`${c.student_name} — ${choiceName(RISK_CHOICES, c.risk)} risk: ${reasonsText(c.reasons)} → ${nameOf(c.assigned_to)}`}
                </Typography>
              ))}
            </Box>
          </AccordionDetails>
        </Accordion>
      )}
    </Stack>
  );
};

type Submit = (values: Values) => Promise<void> | void;

/** The dialog's inputs and buttons; `values` are the form's current values, `onSubmit` receives the form's submit. */
const CallListForm = ({ values, submitRef, onClose }: { values: Values; submitRef: { current: Submit | null }; onClose: () => void }) => {
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [plan, setPlan] = useState<CallListPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const mode = useRef<'preview' | 'create'>('preview');
  const { sres, isPending: loadingSres, error: sreError } = useSreDirectory();
  // A mission alone: its batch too, so the list is filed (and named) under both.
  const { data: mission } = useGetOne('missions', { id: values.mission_id }, { enabled: Boolean(values.mission_id) && !values.batch_id });
  const chosen = sres.filter((s) => !excluded.has(s.id)).map((s) => s.id);
  const noSre = sres.length > 0 && chosen.length === 0;

  // Any change makes the preview stale.
  const valuesKey = JSON.stringify([values, [...excluded]]);
  const shownFor = useRef(valuesKey);
  useEffect(() => {
    if (shownFor.current !== valuesKey) setPlan(null);
  }, [valuesKey]);

  const request = (v: Values): CallListRequest => ({
    ...(v.batch_id ? { batch_id: v.batch_id } : v.mission_id && mission?.batch_id ? { batch_id: mission.batch_id } : {}),
    ...(v.mission_id ? { mission_id: v.mission_id } : {}),
    risk: v.risk === 'high_medium' ? ['high', 'medium'] : ['high'],
    ...(excluded.size === 0 || chosen.length === 0 ? {} : { sre_ids: chosen }),
    include_open: Boolean(v.include_open),
    ...(v.title?.trim() ? { title: v.title.trim() } : {}),
  });

  submitRef.current = async (v: Values) => {
    if (noSre) return;
    setBusy(true);
    try {
      if (mode.current === 'preview') {
        const result = await dataProvider.planCallList(request(v));
        shownFor.current = valuesKey;
        setPlan(result);
      } else {
        const result = await dataProvider.createCallList(request(v));
        notify(`Call list "${result.title}" created: ${plural(result.students, 'call')}.`, { type: 'success' });
        onClose();
        if (result.call_list_id != null) redirect('show', 'call_lists', result.call_list_id);
      }
    } catch (error) {
      notify(errorMessage(error), { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: number) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The students at risk in the active missions of a batch or a mission, one call each, shared among the SREs so whoever has the
          fewest open calls gets the next one. Preview first: nothing is created until you confirm.
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} columnGap={2}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <BatchInput source="batch_id" helperText={false} fullWidth />
          </Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <MissionInput source="mission_id" batchId={values.batch_id} helperText="A batch, a mission, or both." fullWidth />
          </Box>
        </Stack>
        <RadioButtonGroupInput source="risk" label="Who to call" choices={RISK_LEVEL_CHOICES} helperText={false} />
        <FormControl component="fieldset" error={noSre} sx={{ display: 'block', mb: 1 }}>
          <FormLabel component="legend" sx={{ typography: 'caption' }}>
            SREs who take the calls
          </FormLabel>
          {!(values.batch_id || values.mission_id) ? (
            <Typography variant="body2" color="text.secondary">
              Choose a batch or a mission to see the SREs.
            </Typography>
          ) : loadingSres ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <CircularProgress size={16} />
              <Typography variant="body2">Looking up the SREs…</Typography>
            </Stack>
          ) : sreError ? (
            <Alert severity="warning">{sreError}</Alert>
          ) : (
            <FormGroup>
              {sres.map((s) => (
                <FormControlLabel
                  key={s.id}
                  control={<Checkbox size="small" checked={!excluded.has(s.id)} onChange={() => toggle(s.id)} />}
                  label={s.open == null ? s.name : `${s.name} (${plural(s.open, 'open call')})`}
                />
              ))}
            </FormGroup>
          )}
          <FormHelperText>{noSre ? 'Choose at least one SRE to take the calls.' : 'Every active SRE unless you untick them.'}</FormHelperText>
        </FormControl>
        <BooleanInput source="include_open" label="Include students already on an open call" helperText={false} />
        <TextInput
          source="title"
          label="Title (optional)"
          validate={maxLength(200)}
          helperText='Blank: named after the batch or mission and the risk, e.g. "DEMO-B01 M1: high and medium risk".'
          fullWidth
        />
        {plan && <PlanPreview plan={plan} />}
      </DialogContent>
      <DialogActions sx={{ ...stickyActions, flexWrap: 'wrap', gap: 1 }}>
        <MuiButton onClick={onClose}>Cancel</MuiButton>
        <MuiButton
          type="submit"
          variant={plan ? 'outlined' : 'contained'}
          startIcon={<FactCheckIcon />}
          onClick={() => (mode.current = 'preview')}
          disabled={busy || noSre}
        >
          Preview
        </MuiButton>
        <MuiButton
          type="submit"
          variant="contained"
          startIcon={<PlaylistAddCheckIcon />}
          onClick={() => (mode.current = 'create')}
          disabled={busy || noSre || !plan || plan.students === 0}
        >
          {plan ? `Create list: ${plural(plan.students, 'call')}` : 'Create list'}
        </MuiButton>
      </DialogActions>
    </>
  );
};

/**
 * "Make call list" on the low-performer report (SREs, admins): choose the scope (from the list's
 * batch/mission filter), the risk levels, the SREs and a title; preview the split; create; then
 * open the new call list.
 */
export const MakeCallListButton = () => {
  const me = useMe();
  const { filterValues } = useListContext();
  const isSmall = useIsSmall();
  const [open, setOpen] = useState(false);
  const submitRef = useRef<Submit | null>(null);
  if (!can(me?.permissions, 'call_lists', 'create') || !can(me?.permissions, 'calls', 'create')) return null;
  const risk = ([] as unknown[]).concat(filterValues?.risk ?? []);
  const defaults: Values = {
    batch_id: single(filterValues?.batch_id) ?? null,
    mission_id: single(filterValues?.mission_id) ?? null,
    risk: risk.length === 0 || risk.includes('medium') ? 'high_medium' : 'high',
    include_open: false,
    title: '',
  };
  return (
    <>
      {/* Keeps its label on phones (react-admin's toolbar buttons shrink to icons): it is what the page is for. */}
      <MuiButton size="small" startIcon={<PhoneForwardedIcon />} onClick={() => setOpen(true)} sx={{ lineHeight: 1.5 }}>
        Make call list
      </MuiButton>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullScreen={isSmall} fullWidth maxWidth="md" aria-labelledby="make-call-list-title">
          <Form onSubmit={(values: Record<string, unknown>) => submitRef.current?.(values as unknown as Values)} defaultValues={defaults} validate={validate}>
            <DialogTitle id="make-call-list-title">Make a call list</DialogTitle>
            <FormDataConsumer<Values>>
              {({ formData }) => <CallListForm values={formData} submitRef={submitRef} onClose={() => setOpen(false)} />}
            </FormDataConsumer>
          </Form>
        </Dialog>
      )}
    </>
  );
};
