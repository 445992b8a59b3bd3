import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useGetList, useNotify, useRefresh, type Identifier, type RaRecord } from 'react-admin';
import { errorMessage } from '../common/errors';
import { plural } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';
import { useSmsDataProvider, type ReassignPlan, type ReassignRequest } from '../providers/dataProvider';

const BALANCE = 'balance';

/** The plan: each student's new mentor, and each target mentor's load before and after. */
const PlanPreview = ({ plan }: { plan: ReassignPlan }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="subtitle2" component="h3">
      Load after the move
    </Typography>
    <TableContainer sx={{ width: 0, minWidth: '100%' }}>
      <Table size="small" aria-label="Load per mentor before and after">
        <TableHead>
          <TableRow>
            <TableCell>Mentor</TableCell>
            <TableCell align="right">Before</TableCell>
            <TableCell align="right">After</TableCell>
            <TableCell align="right" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
              Capacity
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[plan.from_mentor, ...plan.mentors].map((m) => (
            <TableRow key={m.mentor_id}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{m.name}</TableCell>
              <TableCell align="right">{m.load_before}</TableCell>
              <TableCell align="right">
                <strong>{m.load_after}</strong>
              </TableCell>
              <TableCell align="right" sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                {m.capacity ?? 'No limit'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
    <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
      {plural(plan.moves.length, 'student')} to move
    </Typography>
    <TableContainer sx={{ width: 0, minWidth: '100%', maxHeight: 260 }}>
      <Table size="small" stickyHeader aria-label="Students and their new mentor">
        <TableHead>
          <TableRow>
            <TableCell>Student</TableCell>
            <TableCell>New mentor</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.moves.map((move) => (
            <TableRow key={move.pairing_id}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{move.student_name}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{move.to_mentor_name}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  </Box>
);

/**
 * "Move students" for one mentor on one mission: all or some of their students, to a chosen mentor or balanced over
 * the others. Preview first; confirming applies the previewed request (all or nothing on the API side).
 */
export const MoveStudentsDialog = ({
  missionId,
  mentor,
  mentors,
  onClose,
}: {
  missionId: Identifier;
  mentor: RaRecord;
  mentors: RaRecord[];
  onClose: () => void;
}) => {
  const isSmall = useIsSmall();
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [which, setWhich] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState<string>(BALANCE);
  const [deactivate, setDeactivate] = useState(false);
  const [plan, setPlan] = useState<ReassignPlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: pairings = [], isPending } = useGetList('mentor_pairings', {
    filter: { mission_id: missionId, mentor_id: mentor.mentor_id },
    sort: { field: 'student_name', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  const others = mentors.filter((m) => m.mentor_id !== mentor.mentor_id && m.active !== false);

  // Any change of the choice makes the preview stale.
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPlan(null);
    setProblem(null);
  };
  const toggle = changed((studentId: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(studentId)) next.delete(studentId);
      else next.add(studentId);
      return next;
    })
  );
  const request = (): ReassignRequest => ({
    mission_id: Number(missionId),
    from_mentor_id: Number(mentor.mentor_id),
    ...(which === 'some' ? { student_ids: [...chosen] } : {}),
    ...(target !== BALANCE ? { to_mentor_id: Number(target) } : {}),
    ...(which === 'all' && deactivate ? { deactivate: true } : {}),
  });
  const run = async (apply: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await dataProvider.reassign(request(), apply);
      if (!apply) {
        setPlan(result);
        return;
      }
      const inactive = result.deactivated ? ` ${mentor.mentor_name} is now inactive on this mission.` : '';
      notify(`Moved ${plural(result.moved, 'student')} from ${mentor.mentor_name}. The students and their new mentors were emailed.${inactive}`, {
        type: 'success',
      });
      refresh();
      onClose();
    } catch (error) {
      setPlan(null);
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const canPreview = !busy && pairings.length > 0 && (which === 'all' || chosen.size > 0);

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullScreen={isSmall} fullWidth maxWidth="md" aria-labelledby="move-students-title">
      <DialogTitle id="move-students-title" sx={{ overflowWrap: 'anywhere' }}>
        Move students of {mentor.mentor_name}
      </DialogTitle>
      <DialogContent dividers>
        {isPending ? (
          <LinearProgress aria-label="Loading the students" />
        ) : pairings.length === 0 ? (
          <Alert severity="info">{mentor.mentor_name} has no students on this mission.</Alert>
        ) : (
          <>
            <RadioGroup
              aria-label="Which students"
              value={which}
              onChange={(event) => changed(setWhich)(event.target.value as 'all' | 'some')}
            >
              <FormControlLabel value="all" control={<Radio />} label={`All ${plural(pairings.length, 'student')}`} />
              <FormControlLabel value="some" control={<Radio />} label="Choose students" />
            </RadioGroup>
            {which === 'some' && (
              <Box role="group" aria-label="Students to move" sx={{ maxHeight: 220, overflow: 'auto', pl: 1, mb: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                {pairings.map((p) => (
                  <FormControlLabel
                    key={p.id}
                    sx={{ display: 'flex', mr: 0 }}
                    control={<Checkbox size="small" checked={chosen.has(Number(p.student_id))} onChange={() => toggle(Number(p.student_id))} />}
                    label={p.student_name}
                  />
                ))}
              </Box>
            )}
            <TextField
              select
              fullWidth
              label="Move to"
              value={target}
              onChange={(event) => changed(setTarget)(event.target.value)}
              sx={{ mt: 1 }}
              helperText={target === BALANCE ? 'Each student goes to the mentor with the fewest students who still has room.' : ' '}
            >
              <MenuItem value={BALANCE}>Balance automatically</MenuItem>
              {others.map((m) => (
                <MenuItem key={m.mentor_id} value={String(m.mentor_id)}>
                  {`${m.mentor_name} (${m.load ?? 0}${m.capacity == null ? '' : ` / ${m.capacity}`})`}
                </MenuItem>
              ))}
            </TextField>
            {which === 'all' && (
              <FormControlLabel
                control={<Checkbox checked={deactivate} onChange={(event) => changed(setDeactivate)(event.target.checked)} />}
                label={`Then mark ${mentor.mentor_name} inactive on this mission (no new students)`}
              />
            )}
          </>
        )}
        {busy && <LinearProgress sx={{ mt: 2 }} aria-label="Working" />}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
        {plan && <PlanPreview plan={plan} />}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        {plan ? (
          <Button variant="contained" onClick={() => run(true)} disabled={busy}>
            {`Confirm: move ${plural(plan.moves.length, 'student')}`}
          </Button>
        ) : (
          <Button variant="contained" onClick={() => run(false)} disabled={!canPreview}>
            Preview
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
