import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import SaveIcon from '@mui/icons-material/Save';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { SUBMISSION_STATUS_CHOICES, choiceName } from '../common/choices';
import { errorMessage } from '../common/errors';
import { formatDateTime, plural, toIsoInstant, zoneHint } from '../common/format';
import { useSmsDataProvider, type PasteApplied, type PastePreview } from '../providers/dataProvider';
import { DownloadUnmatchedButton } from './PasteHistory';
import { deadlineText } from './AssignmentList';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85rem' };

/** One group of the preview (e.g. the unknown addresses), folded away when long. */
const EmailGroup = ({ title, rows, expanded = false }: { title: string; rows: string[]; expanded?: boolean }) => {
  if (rows.length === 0) return null;
  return (
    <Accordion defaultExpanded={expanded} disableGutters variant="outlined">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">{`${title} (${rows.length.toLocaleString()})`}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Box component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 280, overflowY: 'auto', overflowWrap: 'anywhere', ...mono }}>
          {rows.map((row) => (
            <li key={row}>{row}</li>
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
};

const CountChip = ({ label, value, color = 'default' }: { label: string; value: number; color?: keyof typeof COLORS }) => (
  <Chip label={`${label}: ${value.toLocaleString()}`} color={value ? COLORS[color] : 'default'} variant={value ? 'filled' : 'outlined'} />
);
const COLORS = { default: 'default', success: 'success', warning: 'warning', error: 'error', info: 'info' } as const;

const statusText = (status: string) => choiceName(SUBMISSION_STATUS_CHOICES, status).toLowerCase();

/**
 * The SRE's screen: paste the emails of the students who submitted (copied from the main platform,
 * in any shape), preview how they match (writes nothing), then record the new ones. Pasting the same
 * list again records nothing new.
 */
export const PastePanel = () => {
  const record = useRecordContext();
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [text, setText] = useState('');
  const [takenAt, setTakenAt] = useState('');
  const [preview, setPreview] = useState<PastePreview | null>(null);
  const [applied, setApplied] = useState<PasteApplied | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const request = () => {
    const iso = toIsoInstant(takenAt);
    return { text, ...(iso ? { taken_at: iso } : {}) };
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      setApplied(null);
      setPreview(await dataProvider.pastePreview(record.id, request()));
    });
  const apply = () =>
    run(async () => {
      const result = await dataProvider.pasteApply(record.id, request());
      setApplied(result);
      setPreview(null);
      refresh();
    });
  const edit = (change: () => void) => {
    change();
    setPreview(null);
  };

  const unmatched = applied ? applied.unknown_emails.length + applied.not_enrolled_emails.length : 0;

  return (
    <Stack spacing={2} sx={{ p: 2, maxWidth: 960 }}>
      <Typography variant="body2" color="text.secondary">
        {`Paste the emails of the students who submitted, as copied from the main platform: one per line, separated by commas or spaces, or as "Name <email>". Deadline: ${deadlineText(record)}.`}
      </Typography>
      <TextField
        label="Emails of students who submitted"
        value={text}
        onChange={(e) => edit(() => setText(e.target.value))}
        multiline
        minRows={6}
        maxRows={18}
        fullWidth
        slotProps={{ htmlInput: { spellCheck: false, style: mono } }}
      />
      <TextField
        label="List taken at (optional)"
        type="datetime-local"
        value={takenAt}
        onChange={(e) => edit(() => setTakenAt(e.target.value))}
        helperText={`${zoneHint()} Blank: now. New submissions count as on time when the list was taken by the deadline.`}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ maxWidth: 420 }}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <MuiButton variant="contained" startIcon={<FactCheckIcon />} onClick={check} disabled={busy || !text.trim()}>
          Preview
        </MuiButton>
        <MuiButton
          onClick={() => {
            setText('');
            setTakenAt('');
            setPreview(null);
            setApplied(null);
          }}
          disabled={busy || (!text && !applied)}
        >
          Clear
        </MuiButton>
      </Stack>

      {preview && (
        <Stack spacing={1.5} component="section" aria-label="Preview of the pasted list">
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Chip label={`Emails found: ${preview.email_count.toLocaleString()}`} />
            <CountChip label="New" value={preview.new.length} color="success" />
            <CountChip label="Already recorded" value={preview.already_recorded.length} color="info" />
            <CountChip label="Unknown" value={preview.unknown_emails.length} color="error" />
            <CountChip label="Not enrolled" value={preview.not_enrolled_emails.length} color="warning" />
            <CountChip label="Duplicates" value={preview.duplicate_count} color="warning" />
          </Stack>
          <Alert severity={preview.new.length ? (preview.status_for_new === 'late' ? 'warning' : 'info') : 'success'}>
            {preview.new.length
              ? `Nothing is recorded yet. The ${plural(preview.new.length, 'new submission')} will count as ${statusText(
                  preview.status_for_new
                )} (list taken ${formatDateTime(preview.taken_at)}).`
              : 'Nothing new to record: every matched student already has a submission.'}
          </Alert>
          <Box>
            <EmailGroup title="New" rows={preview.new.map((r) => `${r.name} <${r.email}>`)} expanded={preview.new.length <= 10} />
            <EmailGroup title="Unknown addresses (no student account)" rows={preview.unknown_emails} expanded />
            <EmailGroup title="Students not enrolled in this mission" rows={preview.not_enrolled_emails} expanded />
            <EmailGroup title="Already recorded" rows={preview.already_recorded.map((r) => `${r.name} <${r.email}>`)} />
          </Box>
          <Box>
            <MuiButton
              variant="contained"
              color={preview.status_for_new === 'late' ? 'warning' : 'primary'}
              startIcon={<SaveIcon />}
              onClick={apply}
              disabled={busy || preview.new.length === 0}
            >
              {`Record ${plural(preview.new.length, 'submission')}`}
            </MuiButton>
          </Box>
        </Stack>
      )}

      {applied && (
        <Stack spacing={1.5} component="section" aria-label="Recorded">
          <Alert severity="success" role="status">
            {`Recorded ${plural(applied.recorded, 'submission')} as ${statusText(applied.status_for_new)}.${
              applied.already_recorded ? ` ${plural(applied.already_recorded, 'student')} already had one.` : ''
            }`}
          </Alert>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <CountChip label="Recorded" value={applied.recorded} color="success" />
            <CountChip label="Already recorded" value={applied.already_recorded} color="info" />
            <CountChip label="Unknown" value={applied.unknown_emails.length} color="error" />
            <CountChip label="Not enrolled" value={applied.not_enrolled_emails.length} color="warning" />
            <CountChip label="Duplicates" value={applied.duplicate_count} color="warning" />
          </Stack>
          {unmatched > 0 && (
            <Box>
              <DownloadUnmatchedButton id={applied.paste_id} />
            </Box>
          )}
        </Stack>
      )}
    </Stack>
  );
};
