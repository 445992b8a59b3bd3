import { Box, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { RISK_REASON_CHOICES, choiceName } from '../common/choices';
import { formatDateTime } from '../common/format';
import { CallScriptTitle } from './CallScriptEdit';

const Body = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ p: 2, maxWidth: 720 }}>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {`For calls about: ${choiceName(RISK_REASON_CHOICES, record.reason)} · updated ${formatDateTime(record.updated_at)}`}
      </Typography>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {String(record.body ?? '')}
      </Typography>
    </Box>
  );
};

export const CallScriptShow = () => (
  <Show
    title={<CallScriptTitle />}
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <Body />
  </Show>
);
