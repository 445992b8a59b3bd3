import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Box, Button as MuiButton, Dialog, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import { useGetOne } from 'react-admin';
import { errorMessage } from '../common/errors';
import { formatDateTime, formatTimeRange } from '../common/format';
import { useSmsDataProvider, type MeetingCode } from '../providers/dataProvider';

const POLL_MS = 3000;
const CODE_PERIOD_S = 30;

const windowState = (code: MeetingCode | null, now: number) => {
  if (!code) return null;
  if (now < Date.parse(code.opens_at)) return { severity: 'info' as const, text: `Check-in opens at ${formatDateTime(code.opens_at)}.` };
  if (now > Date.parse(code.closes_at)) return { severity: 'warning' as const, text: 'The meeting has ended: check-in is closed.' };
  return { severity: 'success' as const, text: `Check-in is open until ${formatDateTime(code.closes_at)}.` };
};

/**
 * /meetings/:id/code — the rotating 6-digit check-in code in big digits for the meeting's screen,
 * fetched every few seconds (GET /meetings/:id/code), with a countdown to the next code.
 */
export const MeetingCodePage = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const dataProvider = useSmsDataProvider();
  const { data: meeting } = useGetOne('meetings', { id });
  const [code, setCode] = useState<MeetingCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expiresAt, setExpiresAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const rootRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const next = await dataProvider.meetingCode(id);
      setCode(next);
      setExpiresAt(Date.now() + next.expires_in_seconds * 1000);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [dataProvider, id]);

  // Poll every few seconds, and at once when the shown code runs out.
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  useEffect(() => {
    if (code && left === 0) load();
  }, [code, left, load]);

  const close = () => navigate(`/meetings/${id}/show`);
  const state = windowState(code, now);
  const digits = code?.code ?? '······';

  return (
    <Dialog fullScreen open onClose={close} aria-labelledby="code-title" ref={rootRef}>
      <Stack direction="row" sx={{ justifyContent: 'flex-end', p: 1, gap: 1 }}>
        <MuiButton
          startIcon={<FullscreenIcon />}
          onClick={() => rootRef.current?.requestFullscreen?.().catch(() => undefined)}
          sx={{ display: { xs: 'none', sm: 'inline-flex' } }}
        >
          Full screen
        </MuiButton>
        <IconButton onClick={close} aria-label="Close the check-in code">
          <CloseIcon />
        </IconButton>
      </Stack>
      <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', px: 2, pb: 4, textAlign: 'center' }}>
        <Typography id="code-title" variant="h5" component="h1" sx={{ fontSize: { xs: '1.25rem', sm: '1.75rem' } }}>
          {meeting ? meeting.title : 'Check-in code'}
        </Typography>
        {meeting && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {`${meeting.mission_code} · ${formatTimeRange(meeting.starts_at, meeting.ends_at)}`}
          </Typography>
        )}
        <Typography variant="body1" sx={{ mt: 2 }}>
          Check-in code
        </Typography>
        <Box
          role="timer"
          aria-live="polite"
          aria-label={code ? `Check-in code ${code.code.split('').join(' ')}` : 'Loading the code'}
          sx={{
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
            fontWeight: 700,
            fontSize: 'clamp(3rem, 17vw, 14rem)',
            letterSpacing: '0.12em',
            lineHeight: 1.1,
            my: 2,
            whiteSpace: 'nowrap',
          }}
        >
          {digits}
        </Box>
        <Box sx={{ width: 'min(520px, 90vw)' }}>
          <LinearProgress
            variant="determinate"
            value={code ? (left / CODE_PERIOD_S) * 100 : 0}
            aria-label="Time until the next code"
            sx={{ height: 8, borderRadius: 4 }}
          />
          <Typography variant="h6" component="p" sx={{ mt: 1 }}>
            {code ? `New code in ${left} s` : 'Loading…'}
          </Typography>
        </Box>
        <Stack spacing={1} sx={{ mt: 3, maxWidth: 560 }}>
          {state && <Alert severity={state.severity}>{state.text}</Alert>}
          {code && !code.requires_code && (
            <Alert severity="info">This meeting does not ask for a code: students can check in without it.</Alert>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </Box>
    </Dialog>
  );
};
