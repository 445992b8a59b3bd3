import { Box, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { STATUS_COLORS } from '../common/choices';
import { useIsSmall } from '../common/useIsSmall';
import type { ImportRowResult, RowAction } from '../providers/dataProvider';

export const ACTION_LABEL: Record<RowAction, string> = { create: 'Create', update: 'Update', skip: 'Unchanged', error: 'Error' };

const ActionChip = ({ action }: { action: RowAction }) => (
  <Chip size="small" color={STATUS_COLORS[action] ?? 'default'} label={ACTION_LABEL[action] ?? action} />
);

/**
 * Import rows (line, email, action, messages): a table on a desktop, stacked items on a phone
 * (a four-column table leaves no room for an email address at 360 px).
 */
export const RowResults = ({
  rows,
  label,
  showAction = true,
  maxHeight,
}: {
  rows: ImportRowResult[];
  label: string;
  showAction?: boolean;
  maxHeight?: number;
}) => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <Box
        component="ul"
        aria-label={label}
        sx={{ listStyle: 'none', m: 0, p: 0, maxHeight, overflowY: maxHeight ? 'auto' : undefined }}
      >
        {rows.map((row) => (
          <Box
            component="li"
            key={`${row.line}-${row.email}`}
            sx={{
              py: 1,
              px: 1,
              borderBottom: 1,
              borderColor: 'divider',
              bgcolor: row.action === 'error' ? (t) => alpha(t.palette.error.main, 0.06) : undefined,
            }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
              <Typography variant="caption" color="text.secondary" sx={{ flexShrink: 0 }}>
                Line {row.line}
              </Typography>
              {showAction && <ActionChip action={row.action} />}
            </Stack>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere', fontWeight: 500 }}>
              {row.email || '—'}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {row.messages.join(' ')}
            </Typography>
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <TableContainer sx={{ width: 0, minWidth: '100%', maxHeight }}>
      <Table size="small" stickyHeader={Boolean(maxHeight)} aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Line</TableCell>
            <TableCell>Email</TableCell>
            {showAction && <TableCell>Action</TableCell>}
            <TableCell>{showAction ? 'Details' : 'What is wrong'}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={`${row.line}-${row.email}`}
              sx={row.action === 'error' && showAction ? { bgcolor: (t) => alpha(t.palette.error.main, 0.06) } : undefined}
            >
              <TableCell>{row.line}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.email || '—'}</TableCell>
              {showAction && (
                <TableCell>
                  <ActionChip action={row.action} />
                </TableCell>
              )}
              <TableCell sx={{ minWidth: 160 }}>{row.messages.join(' ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
