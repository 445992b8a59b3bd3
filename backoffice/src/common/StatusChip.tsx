import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { STATUS_COLORS, choiceName, type Choice } from './choices';

/** A record's status as a small coloured chip (label from `choices`). */
export const StatusChip = ({ source = 'status', choices }: { source?: string; choices: Choice[]; label?: string }) => {
  const record = useRecordContext();
  if (!record || record[source] == null) return null;
  const value = String(record[source]);
  const color = STATUS_COLORS[value] ?? 'default';
  return (
    <Chip size="small" label={choiceName(choices, value)} color={color} variant={color === 'default' ? 'outlined' : 'filled'} />
  );
};
