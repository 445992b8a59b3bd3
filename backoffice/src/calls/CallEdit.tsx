import { Box, Grid } from '@mui/material';
import { DateInput, Edit, SelectInput, SimpleForm, required, useGetOne, useRecordContext } from 'react-admin';
import { CALL_STATUS_CHOICES } from '../common/choices';
import { plural } from '../common/format';
import { CallSections, CallSummary, CallTitle } from './CallShow';
import { useSreDirectory } from './useSreDirectory';

/** The SRE who makes the call: any active SRE (with their open calls when known). */
const AssigneeInput = () => {
  const record = useRecordContext();
  const { data: list } = useGetOne('call_lists', { id: record?.call_list_id }, { enabled: record?.call_list_id != null });
  const { sres, isPending } = useSreDirectory({ enabled: Boolean(list) });
  const choices = sres.map((s) => ({ id: s.id, name: s.open == null ? s.name : `${s.name} (${plural(s.open, 'open call')})` }));
  if (record && !choices.some((c) => String(c.id) === String(record.assigned_to))) {
    choices.unshift({ id: Number(record.assigned_to), name: String(record.assignee_name ?? `SRE #${record.assigned_to}`) });
  }
  return (
    <SelectInput
      source="assigned_to"
      label="Assigned to"
      choices={choices}
      isPending={isPending}
      validate={required('Choose the SRE who makes this call.')}
      helperText="Reassigning moves the call to their queue."
      fullWidth
    />
  );
};

/** Reassign a call, change its due day, or close/reopen it by hand; the script and history stay in view. */
export const CallEdit = () => (
  <Edit
    title={<CallTitle />}
    mutationMode="pessimistic"
    redirect="show"
    transform={(data: Record<string, unknown>) => ({
      assigned_to: data.assigned_to,
      status: data.status,
      ...(data.due_on ? { due_on: String(data.due_on).slice(0, 10) } : {}),
    })}
  >
    <CallSummary />
    <SimpleForm>
      <Box sx={{ width: '100%', maxWidth: 720 }}>
        <Grid container columnSpacing={2}>
          <Grid size={12}>
            <AssigneeInput />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <SelectInput source="status" label="Status" choices={CALL_STATUS_CHOICES} validate={required()} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateInput source="due_on" label="Due on" validate={required('Choose the day the call is due.')} fullWidth />
          </Grid>
        </Grid>
      </Box>
    </SimpleForm>
    <CallSections />
  </Edit>
);
