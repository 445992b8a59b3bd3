import { Card, CardContent, Typography } from '@mui/material';
import { Edit, SimpleForm, useNotify, useRecordContext } from 'react-admin';
import { SanitisedHtml } from '../common/SafeHtml';
import { NoticeInputs, pickNoticeFields } from './NoticeInputs';

export const NoticeTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Notice: ${record.title}` : 'Notice'}</span>;
};

/** The body as the API rendered it at the last save (what students see). */
const SavedPreview = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Card component="section" aria-labelledby="preview-heading" variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography id="preview-heading" variant="subtitle1" component="h2" gutterBottom>
          Preview as students see it (as last saved)
        </Typography>
        <SanitisedHtml html={String(record.body_html ?? '')} label="Rendered notice body" />
      </CardContent>
    </Card>
  );
};

/** Edit stays on the page so the saved preview below shows the API's rendering of the new text. */
export const NoticeEdit = () => {
  const notify = useNotify();
  return (
    <Edit
      title={<NoticeTitle />}
      mutationMode="pessimistic"
      transform={pickNoticeFields}
      redirect={false}
      mutationOptions={{ onSuccess: () => notify('Notice saved. The preview below shows it as students see it.', { type: 'success' }) }}
    >
      <SimpleForm>
        <NoticeInputs />
      </SimpleForm>
      <SavedPreview />
    </Edit>
  );
};
