import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiUrl } from '../config';
import { stickyActions } from '../common/dialogStyles';
import { downloadFromApi } from '../common/download';
import { errorMessage } from '../common/errors';
import { useIsSmall } from '../common/useIsSmall';
import { httpClient } from '../providers/httpClient';
import { useMe } from '../providers/useMe';

/** "Export data": everything held about the student as one JSON file (GET /students/:id/export; admins). */
export const ExportStudentButton = () => {
  const record = useRecordContext();
  const me = useMe();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!record || me?.role !== 'admin') return null;
  const download = async () => {
    setBusy(true);
    try {
      await downloadFromApi(`/students/${encodeURIComponent(String(record.id))}/export`, `student-${record.id}-export.json`, 'application/json');
      notify('Export downloaded (the export is recorded in the audit log).', { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="Export data" onClick={download} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};

const EraseDialog = ({ record, onClose }: { record: Record<string, unknown>; onClose: () => void }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const isSmall = useIsSmall();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const email = String(record.email ?? '');
  const erase = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { json } = await httpClient(`${apiUrl}/students/${encodeURIComponent(String(record.id))}/erase`, {
        method: 'POST',
        body: JSON.stringify({ confirm: typed.trim() }),
      });
      notify(String((json as { message?: string }).message ?? 'The student was erased.'), { type: 'success', autoHideDuration: 10000 });
      onClose();
      refresh();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" fullScreen={isSmall} aria-labelledby="erase-title">
      <Box component="form" onSubmit={erase} noValidate>
        <DialogTitle id="erase-title" sx={{ overflowWrap: 'anywhere' }}>{`Erase ${record.name ?? 'this student'}?`}</DialogTitle>
        <DialogContent>
          <Alert severity="error" sx={{ mb: 2 }}>
            This can't be undone. Export their data first if they asked for a copy.
          </Alert>
          <Typography variant="body2" component="div">
            In one step:
            <Box component="ul" sx={{ mt: 0.5, pl: 2.5 }}>
              <li>the account becomes “Erased student #{String(record.id)}”, disabled, with no email, phone, address, avatar or password, and is signed out everywhere;</li>
              <li>what they wrote is removed (ticket messages and subjects, appeal statements, feature request texts, attendance notes) while the rows stay, so counts, points and ranks don't change;</li>
              <li>mail sent to them is deleted from the outbox.</li>
            </Box>
            Not reached: earlier audit log entries (append-only) still hold the old values, text staff wrote about them (mentor
            notes, call notes, integrity cases) is kept as the school's record, and older backups keep everything.
          </Typography>
          <TextField
            label="Type the student's email to confirm"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setProblem(null);
            }}
            helperText={email}
            autoComplete="off"
            fullWidth
            sx={{ mt: 2 }}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
          {problem && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={stickyActions}>
          <MuiButton onClick={onClose} disabled={busy}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" color="error" variant="contained" startIcon={<DeleteForeverIcon />} disabled={busy || !typed.trim()}>
            Erase student
          </MuiButton>
        </DialogActions>
      </Box>
    </Dialog>
  );
};

/** "Erase" (admins): anonymises the student after they type the email (POST /students/:id/erase). */
export const EraseStudentButton = () => {
  const record = useRecordContext();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!record || me?.role !== 'admin') return null;
  if (String(record.email ?? '').endsWith('@invalid.example')) return null;
  return (
    <>
      <Button label="Erase" onClick={() => setOpen(true)} color="error">
        <DeleteForeverIcon />
      </Button>
      {open && <EraseDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
