import { useState } from 'react';
import { Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, DeleteButton, EditButton, useNotify, useRecordContext, type RaRecord } from 'react-admin';
import { downloadFromApi } from '../common/download';
import { errorMessage } from '../common/errors';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { formatBytes } from './upload';

export const KIND_LABELS: Record<string, string> = { link: 'Link', file: 'File' };
export const KIND_CHOICES = [
  { id: 'link', name: 'Link' },
  { id: 'file', name: 'File' },
];

/** "notes.pdf · 120 KB" for a file, the address for a link. */
export const resourceTarget = (r: RaRecord) =>
  r.kind === 'file' ? [r.file_name, formatBytes(r.file_size)].filter(Boolean).join(' · ') : String(r.url ?? '');

/** Kind as a small chip. */
export const KindChip = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <Chip size="small" variant="outlined" label={KIND_LABELS[String(record.kind)] ?? String(record.kind)} />;
};

/** The title, with the description under it in grey. */
export const TitleWithDescription = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
        {String(record.title ?? '')}
      </Typography>
      {record.description ? (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {String(record.description)}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The file (name and size) or the link (opens in a new tab). */
export const TargetField = () => {
  const record = useRecordContext();
  if (!record) return null;
  if (record.kind === 'file') {
    return (
      <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere' }}>
        {resourceTarget(record)}
      </Typography>
    );
  }
  return (
    <MuiLink href={String(record.url ?? '')} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }} onClick={(e) => e.stopPropagation()}>
      {String(record.url ?? '')}
    </MuiLink>
  );
};

/**
 * "Download" for a file: fetched with the session cookie and saved (errors shown as a notification rather than a
 * page of JSON); "Open" for a link.
 */
export const OpenButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  if (record.kind !== 'file') {
    return (
      <Button
        component="a"
        href={String(record.url ?? '')}
        target="_blank"
        rel="noopener noreferrer"
        label="Open"
        aria-label={`Open ${record.title}`}
        onClick={(e: React.MouseEvent) => e.stopPropagation()}
      >
        <OpenInNewIcon />
      </Button>
    );
  }
  const download = async (e: React.MouseEvent) => {
    e.stopPropagation();
    setBusy(true);
    try {
      await downloadFromApi(`/mission_resources/${encodeURIComponent(String(record.id))}/download`, String(record.file_name ?? 'file'), '*/*');
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="Download" aria-label={`Download ${record.title}`} onClick={download} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};

/** Whether the user may change this resource: managers and admins any, mentors what they added. */
export const useMayChange = (record: RaRecord | undefined) => {
  const me = useMe();
  if (!record || !me) return { edit: false, remove: false };
  const own = me.role !== 'mentor' || String(record.created_by) === String(me.id);
  return {
    edit: own && can(me.permissions, 'mission_resources', 'update'),
    remove: own && can(me.permissions, 'mission_resources', 'delete'),
  };
};

/** Open/Download, Edit, Delete for the resource in context (what the user may do). */
export const ResourceActions = ({ redirect = false }: { redirect?: string | false }) => {
  const record = useRecordContext();
  const may = useMayChange(record);
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: { xs: 'wrap', lg: 'nowrap' }, justifyContent: { sm: 'flex-end' } }}>
      <OpenButton />
      {may.edit && <EditButton />}
      {may.remove && (
        <DeleteButton
          mutationMode="pessimistic"
          redirect={redirect}
          confirmTitle={`Delete "${record.title}"?`}
          confirmContent={
            record.kind === 'file'
              ? "Students can no longer download it, and the stored file is deleted. This can't be undone."
              : 'Students no longer see this link.'
          }
        />
      )}
    </Stack>
  );
};
