import { Typography } from '@mui/material';
import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { choiceName, CASE_KIND_CHOICES } from '../common/choices';
import { CaseInputs, pickCaseFields } from './CaseInputs';

export const CaseTitle = () => {
  const record = useRecordContext();
  return (
    <span>{record ? `Case #${record.id}: ${choiceName(CASE_KIND_CHOICES, record.kind).toLowerCase()} — ${record.student_name}` : 'Integrity case'}</span>
  );
};

const Student = () => {
  const record = useRecordContext();
  return record ? (
    <Typography variant="subtitle1" sx={{ mb: 1 }}>
      {`Student: ${record.student_name}`}
    </Typography>
  ) : null;
};

export const CaseEdit = () => (
  <Edit title={<CaseTitle />} mutationMode="pessimistic" transform={pickCaseFields} redirect="show">
    <SimpleForm>
      <Student />
      <CaseInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
