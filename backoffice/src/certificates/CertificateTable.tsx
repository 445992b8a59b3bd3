import type { ReactElement } from 'react';
import { Box, LinearProgress, Stack } from '@mui/material';
import { DataTable, Link, RecordContextProvider, useListContext } from 'react-admin';
import { formatDateTime } from '../common/format';
import { StudentLink } from '../common/ListParts';
import { useIsSmall } from '../common/useIsSmall';
import { CertificatePdfButton } from './CertificatePdfButton';

const Code = ({ code }: { code: unknown }) => (
  <Box component="span" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', letterSpacing: 0.5 }}>
    {String(code ?? '')}
  </Box>
);

/** On phones: one card-like row per certificate with its PDF button (a SimpleList row is a link, the button would sit in it). */
const CertificateCards = ({ showStudent, empty }: { showStudent: boolean; empty?: ReactElement }) => {
  const { data, isPending } = useListContext();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (!data?.length) return empty ?? null;
  return (
    <Stack component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((r) => (
        <Box
          component="li"
          key={r.id}
          sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
        >
          <Box sx={{ flex: 1, minWidth: 0, typography: 'body2', overflowWrap: 'anywhere' }}>
            <Box sx={{ typography: 'body1' }}>{showStudent ? r.student_name : r.mission_title}</Box>
            {showStudent && <Box>{r.mission_title}</Box>}
            <Box sx={{ color: 'text.secondary' }}>
              {`${r.batch_code} · ${r.points} points · `}
              <Code code={r.code} />
            </Box>
            <Box sx={{ color: 'text.secondary' }}>{`Issued ${formatDateTime(r.issued_at)}`}</Box>
          </Box>
          <RecordContextProvider value={r}>
            <CertificatePdfButton />
          </RecordContextProvider>
        </Box>
      ))}
    </Stack>
  );
};

/** Certificates in the current list context (the list or a student's section), each with its PDF. */
export const CertificateTable = ({ showStudent = true, empty }: { showStudent?: boolean; empty?: ReactElement }) => {
  const isSmall = useIsSmall();
  if (isSmall) return <CertificateCards showStudent={showStudent} empty={empty} />;
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
      {showStudent && (
        <DataTable.Col source="student_name" label="Student">
          <StudentLink />
        </DataTable.Col>
      )}
      <DataTable.Col
        source="mission_title"
        label="Mission"
        disableSort
        render={(r) => <Link to={`/missions/${r.mission_id}/show`}>{r.mission_title}</Link>}
      />
      <DataTable.Col source="batch_code" label="Batch" disableSort />
      <DataTable.Col source="points" label="Points" align="right" />
      <DataTable.Col source="code" label="Code" disableSort render={(r) => <Code code={r.code} />} />
      <DataTable.Col source="issued_at" label="Issued" render={(r) => formatDateTime(r.issued_at)} />
      <DataTable.Col label="" disableSort>
        <CertificatePdfButton />
      </DataTable.Col>
    </DataTable>
  );
};
