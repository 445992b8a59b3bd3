import { Box, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';

/** Pretty-prints a JSON value (e.g. an audit entry's before/after) in a scrollable block. */
export const JsonField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  const value = record[source];
  if (value === null || value === undefined) {
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  }
  let text: string;
  if (typeof value === 'string') {
    try {
      text = JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      text = value;
    }
  } else {
    text = JSON.stringify(value, null, 2);
  }
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        p: 1.5,
        maxWidth: '100%',
        overflowX: 'auto',
        bgcolor: 'action.hover',
        borderRadius: 1,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: '0.8125rem',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {text}
    </Box>
  );
};
