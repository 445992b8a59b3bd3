import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CalculateIcon from '@mui/icons-material/Calculate';
import CheckIcon from '@mui/icons-material/Check';
import EditIcon from '@mui/icons-material/Edit';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { FormPanel } from '../common/FormPanel';
import { errorMessage } from '../common/errors';
import { formatPercent, plural } from '../common/format';
import { LinkButton } from '../common/LinkButton';
import { useSmsDataProvider, type RecomputePreview } from '../providers/dataProvider';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The mission's point rules, and (managers, admins) the preview-then-apply rebuild of its points ledger. */
export const MissionPoints = () => {
  const record = useRecordContext();
  const { canAccess: canEdit } = useCanAccess({ resource: 'missions', action: 'edit' });
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [preview, setPreview] = useState<RecomputePreview | null>(null);
  const [applied, setApplied] = useState<RecomputePreview | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const run = (apply: boolean) => async () => {
    setBusy(true);
    try {
      const result = await dataProvider.recomputePoints(record.id, apply);
      if (apply) {
        setApplied(result);
        setPreview(null);
        refresh();
      } else {
        setPreview(result);
        setApplied(null);
      }
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const rules: [string, unknown][] = [
    ['Daily attendance', record.points_attendance],
    ['Meeting', record.points_meeting],
    ['On-time submission', record.points_on_time],
    ['Late submission', record.points_late],
  ];

  const risks: [string, string][] = [
    ['Attendance below', formatPercent(record.risk_attendance_rate ?? 0.6)],
    ['Missed assignments', `${record.risk_missed_assignments ?? 2} or more`],
    ['Progress below', formatPercent(record.risk_progress ?? 0.5)],
  ];

  return (
    <Stack spacing={2} sx={{ p: 2, maxWidth: 900 }}>
      <Box>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Point rules
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {rules.map(([label, value]) => (
            <Chip key={label} label={`${label}: ${value ?? 0}`} variant="outlined" />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          An assignment may set its own on-time and late points. Every award is a ledger entry tied to its source; changing a rule
          applies to new awards only, until the points are recomputed.
        </Typography>
        <Typography variant="subtitle1" component="h3" gutterBottom sx={{ mt: 2 }}>
          Risk thresholds
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {risks.map(([label, value]) => (
            <Chip key={label} label={`${label}: ${value}`} variant="outlined" />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          One rule broken makes a student medium risk, two or more high risk, in the low-performer report and the call lists.
        </Typography>
        {canEdit && (
          <LinkButton to={`/missions/${record.id}`} label="Edit point rules and thresholds" icon={<EditIcon />} sx={{ mt: 1 }} />
        )}
      </Box>

      {canEdit && (
        <FormPanel id="recompute-heading" title="Recompute points">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Rebuilds this mission's ledger from its attendance, meetings and submissions under the current rules. See the
            effect first; applying it is recorded in the audit log.
          </Typography>
          <MuiButton variant="outlined" startIcon={<CalculateIcon />} onClick={run(false)} disabled={busy}>
            Preview recompute
          </MuiButton>

          {preview && (
            <Stack spacing={1.5} sx={{ mt: 2 }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Chip label={`Total now: ${preview.total_before.toLocaleString()}`} />
                <Chip label={`Total after: ${preview.total_after.toLocaleString()}`} color="primary" />
                <Chip
                  label={`Students changed: ${preview.students_changed.toLocaleString()}`}
                  color={preview.students_changed ? 'warning' : 'default'}
                />
              </Stack>
              {preview.changes.length > 0 ? (
                <TableContainer sx={{ maxHeight: 360 }}>
                  <Table size="small" stickyHeader aria-label="Largest changes per student">
                    <TableHead>
                      <TableRow>
                        <TableCell>Student</TableCell>
                        <TableCell align="right">Now</TableCell>
                        <TableCell align="right">After</TableCell>
                        <TableCell align="right">Change</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {preview.changes.slice(0, 50).map((c) => (
                        <TableRow key={c.student_id}>
                          <TableCell>{c.name}</TableCell>
                          <TableCell align="right">{c.before}</TableCell>
                          <TableCell align="right">{c.after}</TableCell>
                          <TableCell align="right">{signed(c.after - c.before)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              ) : (
                <Alert severity="success">The ledger already matches the rules: nothing would change.</Alert>
              )}
              {preview.changes.length > 50 && (
                <Typography variant="caption" color="text.secondary">
                  {`The 50 largest of ${plural(preview.students_changed, 'change')}.`}
                </Typography>
              )}
              <Box>
                <MuiButton variant="contained" startIcon={<CheckIcon />} onClick={run(true)} disabled={busy || preview.students_changed === 0}>
                  {`Apply: recompute ${plural(preview.students_changed, 'student')}`}
                </MuiButton>
              </Box>
            </Stack>
          )}
          {applied && (
            <Alert severity="success" role="status" sx={{ mt: 2 }}>
              {`Points recomputed: total ${applied.total_before.toLocaleString()} → ${applied.total_after.toLocaleString()}, ${plural(
                applied.students_changed,
                'student'
              )} changed.`}
            </Alert>
          )}
        </FormPanel>
      )}
    </Stack>
  );
};
