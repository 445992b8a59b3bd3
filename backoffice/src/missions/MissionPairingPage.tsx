import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import CheckIcon from '@mui/icons-material/Check';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  DataTable,
  EmailField,
  Link,
  ListBase,
  Loading,
  Pagination,
  SimpleList,
  Title,
  useCanAccess,
  useGetList,
  useGetOne,
  useListContext,
  useNotify,
  useRefresh,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { STUDENT_STATUS_CHOICES } from '../common/choices';
import { missionLabel, plural } from '../common/format';
import { StatusChip } from '../common/StatusChip';
import { useIsSmall } from '../common/useIsSmall';
import { useSmsDataProvider, type AutoPairPlan } from '../providers/dataProvider';
import { PairDialog } from '../students/StudentBulkActions';
import { MoveStudentsDialog } from './MoveStudentsDialog';

const Section = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <Card component="section" sx={{ mb: 2 }}>
    <CardContent>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </CardContent>
  </Card>
);

/** "12 / 60" with a bar (no bar without a capacity). */
const LoadBar = ({ load, capacity }: { load: number; capacity: number | null }) => (
  <Box sx={{ minWidth: 90 }}>
    <Typography variant="body2">{capacity == null ? `${load} (no limit)` : `${load} / ${capacity}`}</Typography>
    {capacity != null && (
      <LinearProgress
        variant="determinate"
        value={Math.min(100, (load / Math.max(1, capacity)) * 100)}
        color={load >= capacity ? 'warning' : 'primary'}
        aria-label={`${load} of ${capacity}`}
        sx={{ mt: 0.5, height: 6, borderRadius: 3 }}
      />
    )}
  </Box>
);

const MentorLoads = ({ missionId, canMove }: { missionId: Identifier; canMove: boolean }) => {
  const [moving, setMoving] = useState<RaRecord | null>(null);
  const isSmall = useIsSmall();
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList('mission_mentors', {
    filter: { mission_id: missionId },
    sort: { field: 'mentor_name', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data.length) {
    return (
      <Alert severity="warning">No mentor is assigned to this mission yet. A manager adds mentors on the mission's page.</Alert>
    );
  }
  return (
    <TableContainer sx={{ width: 0, minWidth: '100%' }}>
      <Table size="small" aria-label="Mentors and their load">
        <TableHead>
          <TableRow>
            <TableCell>Mentor</TableCell>
            <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Email</TableCell>
            <TableCell>Load / capacity</TableCell>
            {canMove && <TableCell align="right">{isSmall ? 'Move' : 'Students'}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                {m.mentor_name}
                {m.active === false && <Chip size="small" label="Inactive" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{m.mentor_email}</TableCell>
              <TableCell>
                <LoadBar load={Number(m.load ?? 0)} capacity={m.capacity == null ? null : Number(m.capacity)} />
              </TableCell>
              {canMove && (
                <TableCell align="right">
                  {isSmall ? (
                    <IconButton
                      size="small"
                      color="primary"
                      disabled={!Number(m.load ?? 0) || data.length < 2}
                      onClick={() => setMoving(m)}
                      aria-label={`Move students of ${m.mentor_name}`}
                    >
                      <SwapHorizIcon />
                    </IconButton>
                  ) : (
                    <MuiButton
                      size="small"
                      startIcon={<SwapHorizIcon />}
                      disabled={!Number(m.load ?? 0) || data.length < 2}
                      onClick={() => setMoving(m)}
                      aria-label={`Move students of ${m.mentor_name}`}
                    >
                      Move students
                    </MuiButton>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total != null && total > data.length && (
        <Typography variant="caption" color="text.secondary">
          Showing {data.length} of {total} mentors.
        </Typography>
      )}
      {moving && <MoveStudentsDialog missionId={missionId} mentor={moving} mentors={data} onClose={() => setMoving(null)} />}
    </TableContainer>
  );
};

const PlanTable = ({ plan }: { plan: AutoPairPlan }) => (
  <TableContainer sx={{ width: 0, minWidth: '100%' }}>
    <Table size="small" aria-label="Load per mentor before and after">
      <TableHead>
        <TableRow>
          <TableCell>Mentor</TableCell>
          <TableCell align="right">Capacity</TableCell>
          <TableCell align="right">Before</TableCell>
          <TableCell align="right">After</TableCell>
          <TableCell align="right">New</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.mentors.map((m) => (
          <TableRow key={m.mentor_id}>
            <TableCell>{m.name}</TableCell>
            <TableCell align="right">{m.capacity ?? 'No limit'}</TableCell>
            <TableCell align="right">{m.load_before}</TableCell>
            <TableCell align="right">
              <strong>{m.load_after}</strong>
            </TableCell>
            <TableCell align="right">{m.load_after > m.load_before ? `+${m.load_after - m.load_before}` : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

const AutoPairing = ({ missionId }: { missionId: Identifier }) => {
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [plan, setPlan] = useState<AutoPairPlan | null>(null);
  const [applied, setApplied] = useState<AutoPairPlan | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [showAssignments, setShowAssignments] = useState(false);

  const run = async (apply: boolean) => {
    setBusy(apply ? 'apply' : 'preview');
    try {
      const result = await dataProvider.autoPair(missionId, apply);
      if (apply) {
        setApplied(result);
        setPlan(null);
        notify(`Paired ${plural(result.paired ?? result.assignments.length, 'student')} automatically.`, { type: 'success' });
        refresh();
      } else {
        setApplied(null);
        setPlan(result);
        setShowAssignments(false);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section
      title="Automatic pairing"
      action={
        <MuiButton onClick={() => run(false)} disabled={busy !== null} variant="outlined" startIcon={<AutoFixHighIcon />}>
          Preview auto-pairing
        </MuiButton>
      }
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Spreads the mission's unpaired active students over its mentors, least loaded first, within their capacities. Preview
        first: nothing changes until you apply.
      </Typography>
      {busy === 'preview' && <LinearProgress aria-label="Preparing the preview" />}
      {plan && (
        <Box sx={{ mt: 1 }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
            <Chip label={`${plural(plan.unpaired, 'unpaired student')}`} />
            <Chip color="primary" label={`${plural(plan.assignments.length, 'assignment')}`} />
            {plan.unassigned > 0 && (
              <Chip color="warning" label={`${plan.unassigned.toLocaleString()} left unpaired (no capacity)`} />
            )}
          </Stack>
          {plan.mentors.length === 0 ? (
            <Alert severity="warning">No active mentor is assigned to this mission.</Alert>
          ) : (
            <PlanTable plan={plan} />
          )}
          {plan.assignments.length > 0 && (
            <Box sx={{ mt: 1 }}>
              <MuiButton onClick={() => setShowAssignments((v) => !v)}>
                {showAssignments ? 'Hide the assignments' : `Show the ${plan.assignments.length.toLocaleString()} assignments`}
              </MuiButton>
              {showAssignments && (
                <Box component="ul" sx={{ maxHeight: 240, overflow: 'auto', pl: 3, my: 1 }}>
                  {plan.assignments.slice(0, 500).map((a) => (
                    <li key={a.student_id}>
                      <Typography variant="body2">
                        {a.student_name} → {a.mentor_name}
                      </Typography>
                    </li>
                  ))}
                  {plan.assignments.length > 500 && (
                    <li>
                      <Typography variant="body2">…and {(plan.assignments.length - 500).toLocaleString()} more</Typography>
                    </li>
                  )}
                </Box>
              )}
            </Box>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <MuiButton
              variant="contained"
              onClick={() => run(true)}
              disabled={busy !== null || plan.assignments.length === 0}
              startIcon={<CheckIcon />}
            >
              {`Apply: pair ${plural(plan.assignments.length, 'student')}`}
            </MuiButton>
            <MuiButton onClick={() => setPlan(null)} disabled={busy !== null}>
              Discard
            </MuiButton>
          </Stack>
          {busy === 'apply' && <LinearProgress sx={{ mt: 1 }} aria-label="Pairing" />}
        </Box>
      )}
      {applied && (
        <Alert severity="success" sx={{ mt: 1 }}>
          Paired {plural(applied.paired ?? applied.assignments.length, 'student')}.
          {applied.unassigned > 0 ? ` ${applied.unassigned.toLocaleString()} stay unpaired: every mentor is at capacity.` : ''}
        </Alert>
      )}
    </Section>
  );
};

const UnpairedToolbar = ({ missionId }: { missionId: Identifier }) => {
  const { total, selectedIds } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
      <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
        Unpaired students{total != null ? ` (${total.toLocaleString()})` : ''}
      </Typography>
      <MuiButton onClick={() => setOpen(true)} disabled={!total} variant="outlined" startIcon={<HandshakeIcon />}>
        {selectedIds.length ? `Pair ${selectedIds.length} selected with a mentor` : 'Pair with a mentor'}
      </MuiButton>
      {open && (
        <PairDialog
          open
          onClose={() => setOpen(false)}
          missionId={missionId}
          baseFilter={{ unpaired_in_mission_id: missionId }}
        />
      )}
    </Box>
  );
};

const UnpairedBulkActions = ({ missionId }: { missionId: Identifier }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <MuiButton size="small" onClick={() => setOpen(true)} startIcon={<HandshakeIcon />}>
        Pair with mentor
      </MuiButton>
      {open && (
        <PairDialog
          open
          onClose={() => setOpen(false)}
          missionId={missionId}
          baseFilter={{ unpaired_in_mission_id: missionId }}
        />
      )}
    </>
  );
};

const UnpairedStudents = ({ missionId }: { missionId: Identifier }) => {
  const isSmall = useIsSmall();
  return (
    <ListBase
      resource="students"
      filter={{ unpaired_in_mission_id: missionId }}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      disableSyncWithLocation
      storeKey={false}
    >
      <Card component="section" sx={{ mb: 2 }}>
        <CardContent sx={{ pb: 0 }}>
          <UnpairedToolbar missionId={missionId} />
        </CardContent>
        {isSmall ? (
          <SimpleList primaryText={(r) => r.name} secondaryText={(r) => r.email} rowClick="show" empty={<NoneUnpaired />} />
        ) : (
          <DataTable rowClick="show" bulkActionButtons={<UnpairedBulkActions missionId={missionId} />} empty={<NoneUnpaired />}>
            <DataTable.Col source="name" label="Name" />
            <DataTable.Col source="email" label="Email" field={EmailField} />
            <DataTable.Col source="status" label="Status">
              <StatusChip choices={STUDENT_STATUS_CHOICES} />
            </DataTable.Col>
          </DataTable>
        )}
        <Pagination rowsPerPageOptions={[25, 50, 100]} />
      </Card>
    </ListBase>
  );
};

const NoneUnpaired = () => (
  <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 2 }}>
    Every student enrolled in this mission has a mentor.
  </Typography>
);

/** /missions/:id/pairing — pairing a mission's students with its mentors (SREs and admins). */
export const MissionPairingPage = () => {
  const { id } = useParams<{ id: string }>();
  const { data: mission, isPending, error } = useGetOne('missions', { id: id ?? '' }, { enabled: Boolean(id) });
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'mentor_pairings', action: 'create' });
  if (isPending || checking) return <Loading />;
  if (error || !mission) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="Pair mentors" />
        <Alert severity="error">{error?.message ?? 'Mission not found.'}</Alert>
      </Box>
    );
  }
  const label = missionLabel(mission);
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, width: 0, minWidth: '100%' }}>
      <Title title={`Pair mentors: ${mission.batch_code} · ${mission.code}`} />
      <Box sx={{ mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
          Pair mentors
        </Typography>
        <Typography variant="body1" color="text.secondary">
          <Link to={`/missions/${mission.id}/show`}>{label}</Link>
          {` · ${Number(mission.enrolled_count ?? 0).toLocaleString()} enrolled, ${Number(
            mission.paired_count ?? 0
          ).toLocaleString()} paired`}
        </Typography>
      </Box>
      {!canAccess && (
        <Alert severity="info" sx={{ mb: 2 }}>
          You can see the mentors' load, but only SREs and admins pair students with mentors.
        </Alert>
      )}
      <Section title="Mentors">
        <MentorLoads missionId={mission.id} canMove={Boolean(canAccess)} />
      </Section>
      {canAccess && <AutoPairing missionId={mission.id} />}
      {canAccess && <UnpairedStudents missionId={mission.id} />}
    </Box>
  );
};
