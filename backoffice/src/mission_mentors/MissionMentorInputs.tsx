import { Alert, Grid } from '@mui/material';
import { AutocompleteInput, NumberInput, ReferenceInput, minValue, useCanAccess } from 'react-admin';
import { MentorInput } from '../common/MentorInput';

/**
 * Choosing the mentor to assign to a mission. Admins choose among all mentor accounts (users).
 * Other roles (managers) may not list users and the API has no mentor directory for them: they
 * choose among mentors already assigned to some mission (mission_mentors), or type the mentor's
 * user id.
 */
export const MentorChoiceInputs = () => {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  if (canListUsers) {
    return (
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput
          source="mentor_id"
          reference="users"
          filter={{ role: 'mentor', status: 'active' }}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            label="Mentor"
            optionText={(u) => `${u.name} <${u.email}>`}
            filterToQuery={(q) => ({ q })}
            helperText="Accounts with the mentor role."
            fullWidth
          />
        </ReferenceInput>
      </Grid>
    );
  }
  return (
    <>
      <Grid size={{ xs: 12, md: 5 }}>
        <MentorInput source="mentor_id" label="Mentor" helperText="Mentors already assigned to a mission." fullWidth />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <NumberInput
          source="mentor_user_id"
          label="…or the mentor's user id"
          min={1}
          step={1}
          helperText="For a mentor on no mission yet (an admin can tell you the id)."
          fullWidth
        />
      </Grid>
    </>
  );
};

export const CapacityInput = ({ helperText = 'Most students they take on this mission. Blank: no limit.' }: { helperText?: string }) => (
  <NumberInput
    source="capacity"
    label="Capacity"
    min={1}
    step={1}
    validate={minValue(1, 'Capacity must be at least 1.')}
    helperText={helperText}
    fullWidth
  />
);

export const NoUserDirectoryNote = () => {
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  if (canListUsers !== false) return null;
  return (
    <Alert severity="info" sx={{ mt: 1 }}>
      Only mentors already assigned to a mission can be searched here. For a new mentor, enter their user id.
    </Alert>
  );
};

/** The API body: mentor from the list or the typed user id; blank capacity = no limit. */
export const missionMentorData = (values: Record<string, unknown>) => ({
  mission_id: values.mission_id,
  mentor_id: Number(values.mentor_user_id || values.mentor_id),
  capacity: values.capacity === '' || values.capacity == null ? null : Number(values.capacity),
});

export const validateMentorChoice = (values: Record<string, unknown>) =>
  values.mentor_user_id || values.mentor_id ? {} : { mentor_id: 'Choose a mentor, or enter their user id.' };
