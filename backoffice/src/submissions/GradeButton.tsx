import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import {
  Form,
  NumberInput,
  SaveButton,
  maxValue,
  minValue,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { errorMessage, fieldErrors } from '../common/errors';

const gradeRange = [minValue(0, 'Grade must be from 0 to 100.'), maxValue(100, 'Grade must be from 0 to 100.')];

/** The submission's grade, and for those who grade (managers, mentors, SREs, admins) a way to change it. */
export const GradeButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'submissions', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const grade = record.grade == null ? '—' : String(record.grade);
  if (!canAccess) return <span>{grade}</span>;

  const submit = async (values: Record<string, unknown>) => {
    const value = values.grade === '' || values.grade == null ? null : Number(values.grade);
    try {
      await update('submissions', { id: record.id, data: { grade: value }, previousData: record }, { mutationMode: 'pessimistic', returnPromise: true });
      notify(value == null ? 'Grade removed.' : `Grade ${value} saved.`, { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return fieldErrors(error);
    }
  };

  return (
    <>
      <MuiButton
        size="small"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        endIcon={<EditIcon fontSize="small" />}
        aria-label={`Grade for ${record.student_name}: ${grade}. Change`}
        sx={{ minWidth: 0 }}
      >
        {grade}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" onClick={(e) => e.stopPropagation()}>
        <Form onSubmit={submit} defaultValues={{ grade: record.grade ?? null }}>
          <DialogTitle>Grade</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {`${record.student_name} · assignment ${record.assignment_number}`}
            </Typography>
            <NumberInput source="grade" label="Grade (0–100)" min={0} max={100} step={1} validate={gradeRange} helperText="Blank removes the grade." fullWidth autoFocus />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
            <SaveButton label="Save grade" disabled={isPending} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
