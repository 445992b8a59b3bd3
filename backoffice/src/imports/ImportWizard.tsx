import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Tab,
  TablePagination,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Title, useCanAccess, useNotify, Loading, LinkBase } from 'react-admin';
import { IMPORT_KIND_CHOICES, STATUS_COLORS } from '../common/choices';
import { saveBlob } from '../common/download';
import { plural } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';
import {
  useSmsDataProvider,
  type ImportDryRun,
  type ImportKind,
  type ImportRecord,
  type RowAction,
} from '../providers/dataProvider';
import { IMPORT_COLUMNS } from './importColumns';
import { DownloadErrorsButton, ErrorRows } from './ImportShow';
import { ACTION_LABEL, RowResults } from './RowResults';

const STEPS = ['Choose a file', 'Check (dry run)', 'Import'];
const POLL_MS = 300;
const ACTION_ORDER: Record<RowAction, number> = { error: 0, create: 1, update: 2, skip: 3 };

/** Data lines in a CSV text (the header excluded, blank lines ignored; a rough count for the UI). */
const countLines = (text: string) => Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Step 1: kind, expected columns, and the CSV text from a file or pasted. */
const ChooseStep = ({
  kind,
  setKind,
  csv,
  setCsv,
  filename,
  setFilename,
}: {
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  csv: string;
  setCsv: (s: string) => void;
  filename: string | null;
  setFilename: (s: string | null) => void;
}) => {
  const notify = useNotify();
  const fileInput = useRef<HTMLInputElement>(null);
  const columns = IMPORT_COLUMNS[kind];

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      notify('This file is larger than 10 MB. Split it into smaller files.', { type: 'error' });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setCsv(String(reader.result ?? '').replace(/^\uFEFF/, ''));
      setFilename(file.name);
    };
    reader.onerror = () => notify(`Could not read ${file.name}.`, { type: 'error' });
    reader.readAsText(file);
  };

  return (
    <Stack spacing={2}>
      <FormControl>
        <FormLabel id="import-kind-label">What are you importing?</FormLabel>
        <RadioGroup
          row
          aria-labelledby="import-kind-label"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
        >
          {IMPORT_KIND_CHOICES.map((c) => (
            <FormControlLabel key={c.id} value={c.id} control={<Radio />} label={c.name} />
          ))}
        </RadioGroup>
      </FormControl>

      <Box component="section" aria-labelledby="columns-heading" sx={{ p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
        <Typography id="columns-heading" variant="subtitle2" component="h2" gutterBottom>
          Expected columns (first line of the file)
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {columns.required.map((c) => (
            <Chip key={c} size="small" color="primary" label={`${c} (required)`} />
          ))}
          {columns.optional.map((c) => (
            <Chip key={c} size="small" variant="outlined" label={c} />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {columns.notes}
        </Typography>
        <Box
          component="pre"
          // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
          tabIndex={0}
          aria-label="Example CSV"
          sx={{
            m: 0,
            p: 1,
            bgcolor: 'background.paper',
            borderRadius: 1,
            overflowX: 'auto',
            width: 0,
            minWidth: '100%',
            fontSize: '0.8rem',
            whiteSpace: 'pre',
          }}
        >
          {columns.example}
        </Box>
        <MuiButton
          sx={{ mt: 1 }}
          onClick={() =>
            saveBlob(
              new Blob([`${[...columns.required, ...columns.optional].join(',')}\n`], { type: 'text/csv' }),
              `${kind}-template.csv`
            )
          }
          startIcon={<DownloadIcon />}
        >
          Download a template
        </MuiButton>
      </Box>

      <Box>
        <input ref={fileInput} type="file" accept=".csv,text/csv,text/plain" hidden onChange={readFile} aria-label="CSV file" />
        <MuiButton variant="contained" onClick={() => fileInput.current?.click()} startIcon={<UploadFileIcon />}>
          Choose a CSV file
        </MuiButton>
        {filename && (
          <Typography variant="body2" component="span" sx={{ ml: 2, overflowWrap: 'anywhere' }}>
            {`${filename}: ${plural(countLines(csv), 'row')}`}
          </Typography>
        )}
      </Box>
      <TextField
        label="…or paste the CSV text"
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value);
          if (!e.target.value) setFilename(null);
        }}
        multiline
        minRows={6}
        maxRows={16}
        fullWidth
        slotProps={{
          htmlInput: {
            spellCheck: false,
            style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85rem' },
          },
        }}
        helperText={csv ? `${plural(countLines(csv), 'data row')} (after the header line)` : 'Up to 3,000 rows at a time.'}
      />
    </Stack>
  );
};

/** Step 2: the dry run's counts and rows, errors first. */
const PreviewStep = ({ result }: { result: ImportDryRun }) => {
  const [tab, setTab] = useState<'all' | RowAction>(result.counts.error > 0 ? 'error' : 'all');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const rows = useMemo(
    () =>
      [...result.rows]
        .filter((r) => tab === 'all' || r.action === tab)
        .sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || a.line - b.line),
    [result.rows, tab]
  );
  const shown = rows.slice(page * perPage, page * perPage + perPage);
  const downloadErrors = () => {
    const lines = [
      'line,email,error',
      ...result.rows
        .filter((r) => r.action === 'error')
        .map((r) => [String(r.line), csvCell(r.email ?? ''), csvCell(r.messages.join(' '))].join(',')),
    ];
    saveBlob(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'import-dry-run-errors.csv');
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="Dry run counts">
        <Chip label={`${plural(result.total_rows, 'row')}`} />
        {(['create', 'update', 'skip', 'error'] as RowAction[]).map((a) => (
          <Chip
            key={a}
            color={STATUS_COLORS[a] ?? 'default'}
            variant={result.counts[a] ? 'filled' : 'outlined'}
            label={`${ACTION_LABEL[a]}: ${result.counts[a].toLocaleString()}`}
          />
        ))}
      </Stack>
      {result.counts.error > 0 ? (
        <Alert
          severity="error"
          action={
            <MuiButton color="inherit" size="small" onClick={downloadErrors} startIcon={<DownloadIcon />}>
              Download errors
            </MuiButton>
          }
        >
          {result.counts.error === 1 ? '1 row has' : `${result.counts.error.toLocaleString()} rows have`} errors. Nothing can be
          imported until they are fixed: correct the file, go back and check it again.
        </Alert>
      ) : (
        <Alert severity="success">No errors. Nothing has been written yet: press Import to apply these changes.</Alert>
      )}
      <Tabs
        value={tab}
        onChange={(_e, v) => {
          setTab(v);
          setPage(0);
        }}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label="Rows by action"
      >
        <Tab value="all" label={`All (${result.rows.length})`} />
        {(['error', 'create', 'update', 'skip'] as RowAction[]).map((a) => (
          <Tab key={a} value={a} label={`${ACTION_LABEL[a]} (${result.counts[a]})`} disabled={!result.counts[a]} />
        ))}
      </Tabs>
      <RowResults rows={shown} label="Rows of the file and what the import does with each" />
      {rows.length > 25 && (
        <TablePagination
          component="div"
          count={rows.length}
          page={page}
          onPageChange={(_e, p) => setPage(p)}
          rowsPerPage={perPage}
          rowsPerPageOptions={[25, 50, 100]}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
        />
      )}
    </Stack>
  );
};

/** Step 3: the running import's progress, polled every 300 ms, then its outcome. */
const ProgressStep = ({ record, onReset }: { record: ImportRecord; onReset: () => void }) => {
  const total = record.total_rows || 0;
  const processed = Math.min(record.processed_rows || 0, total);
  const running = record.status === 'running';
  const studentsLink =
    record.kind === 'students' ? '/students' : record.kind === 'enrolments' ? '/mission_enrolments' : '/mentor_pairings';
  return (
    <Stack spacing={2}>
      <Box>
        <LinearProgress
          variant="determinate"
          value={total ? (processed / total) * 100 : running ? 0 : 100}
          color={record.status === 'failed' ? 'error' : record.status === 'succeeded' ? 'success' : 'primary'}
          aria-label="Import progress"
          sx={{ height: 8, borderRadius: 4 }}
        />
        <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
          {running
            ? `Importing… ${processed.toLocaleString()} of ${plural(total, 'row')} processed.`
            : `${processed.toLocaleString()} of ${plural(total, 'row')} processed.`}
        </Typography>
      </Box>
      {!running && (
        <Alert severity={record.status === 'succeeded' ? 'success' : 'error'} role="status">
          {record.message ?? (record.status === 'succeeded' ? 'Import finished.' : 'The import failed; nothing was imported.')}
        </Alert>
      )}
      {record.status === 'failed' && record.errors?.length > 0 && (
        <Box>
          <DownloadErrorsButton id={record.id} />
          <ErrorRows rows={record.errors} />
        </Box>
      )}
      {!running && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          {record.status === 'succeeded' && (
            <MuiButton component={LinkBase} to={studentsLink} variant="contained">
              {record.kind === 'students'
                ? 'Go to the students list'
                : record.kind === 'enrolments'
                ? 'See mission enrolments'
                : 'See mentor pairings'}
            </MuiButton>
          )}
          <MuiButton component={LinkBase} to={`/imports/${record.id}/show`}>
            See this import in the history
          </MuiButton>
          <MuiButton onClick={onReset}>Import another file</MuiButton>
        </Stack>
      )}
    </Stack>
  );
};

/** /imports/new — CSV import of students, enrolments or pairings, with a dry run first. */
export const ImportWizard = () => {
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'students', action: 'create' });
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('students');
  const [csv, setCsv] = useState('');
  const [filename, setFilename] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<ImportDryRun | null>(null);
  const [record, setRecord] = useState<ImportRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const isSmall = useIsSmall();

  // Poll GET /imports/:id while the import runs.
  const recordId = record?.id;
  const running = record?.status === 'running';
  useEffect(() => {
    if (recordId == null || !running) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const { data } = await dataProvider.getOne<ImportRecord>('imports', { id: recordId });
        if (cancelled) return;
        setRecord(data);
        if (data.status === 'running') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (cancelled) return;
        notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        timer = setTimeout(poll, POLL_MS * 5);
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [recordId, running, dataProvider, notify]);

  const request = () => ({ kind, csv, ...(filename ? { filename } : {}) });

  const check = async () => {
    setBusy(true);
    try {
      setDryRun(await dataProvider.importDryRun(request()));
      setStep(1);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    setBusy(true);
    try {
      setRecord(await dataProvider.importStart(request()));
      setStep(2);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setStep(0);
    setCsv('');
    setFilename(null);
    setDryRun(null);
    setRecord(null);
  };

  if (checking) return <Loading />;

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, width: 0, minWidth: '100%' }}>
      <Title title="Import CSV" />
      <Card sx={{ maxWidth: 1100 }}>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1" gutterBottom>
              Import CSV
            </Typography>
            {/* The history is not in the menu: it opens from here, where imports are made. */}
            {canAccess && (
              <MuiButton component={LinkBase} to="/imports" startIcon={<HistoryIcon />}>
                Past imports
              </MuiButton>
            )}
          </Stack>
          {!canAccess ? (
            <Alert severity="info">Only SREs and admins import students, enrolments and pairings.</Alert>
          ) : (
            <>
              <Stepper activeStep={step} alternativeLabel={isSmall} sx={{ mb: 3 }}>
                {STEPS.map((label, i) => (
                  <Step key={label} completed={step > i || (i === 2 && record?.status === 'succeeded')}>
                    <StepLabel>{label}</StepLabel>
                  </Step>
                ))}
              </Stepper>
              {step === 0 && (
                <>
                  <ChooseStep
                    kind={kind}
                    setKind={setKind}
                    csv={csv}
                    setCsv={setCsv}
                    filename={filename}
                    setFilename={setFilename}
                  />
                  <Box sx={{ mt: 2 }}>
                    <MuiButton variant="contained" onClick={check} disabled={busy || !csv.trim()} startIcon={<FactCheckIcon />}>
                      Check the file
                    </MuiButton>
                  </Box>
                  {busy && <LinearProgress sx={{ mt: 2 }} aria-label="Checking the file" />}
                </>
              )}
              {step === 1 && dryRun && (
                <>
                  <PreviewStep result={dryRun} />
                  <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                    <MuiButton onClick={() => setStep(0)} disabled={busy} startIcon={<ArrowBackIcon />}>
                      Back
                    </MuiButton>
                    <MuiButton
                      variant="contained"
                      onClick={start}
                      disabled={busy || dryRun.counts.error > 0 || dryRun.total_rows === 0}
                      startIcon={<PlayArrowIcon />}
                    >
                      {`Import ${plural(dryRun.total_rows, 'row')}`}
                    </MuiButton>
                  </Stack>
                  {busy && <LinearProgress sx={{ mt: 2 }} aria-label="Starting the import" />}
                </>
              )}
              {step === 2 && record && (
                <>
                  <ProgressStep record={record} onReset={reset} />
                </>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
