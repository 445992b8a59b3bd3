import { Box, Typography } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { LinkButton } from '../common/LinkButton';
import { SanitisedHtml } from '../common/SafeHtml';
import EditIcon from '@mui/icons-material/Edit';

/**
 * The mission's guidelines for students as the portal shows them: guidelines_html, rendered from the markdown
 * and sanitised by the API whenever it is written (managers and admins edit the markdown on the mission's form).
 */
export const MissionGuidelines = () => {
  const record = useRecordContext();
  const { canAccess: canEdit } = useCanAccess({ resource: 'missions', action: 'edit' });
  if (!record) return null;
  const html = String(record.guidelines_html ?? '').trim();
  return (
    <Box sx={{ p: 2, maxWidth: 900 }}>
      {html ? (
        <SanitisedHtml html={html} label="Guidelines for students" />
      ) : (
        <Typography variant="body2" color="text.secondary">
          No guidelines yet.{canEdit ? ' Write them on the mission’s edit page (markdown).' : ''}
        </Typography>
      )}
      {canEdit && (
        <Box sx={{ mt: 2 }}>
          <LinkButton to={`/missions/${record.id}`} label={html ? 'Edit guidelines' : 'Write guidelines'} icon={<EditIcon />} />
        </Box>
      )}
    </Box>
  );
};
