import { NumberInput, minValue, required } from 'react-admin';
import { MentorInput } from '../common/MentorInput';

/** The mentor to assign to a mission, chosen from the mentors directory (mentor accounts). */
export const MentorChoiceInput = ({ helperText = 'Search mentor accounts by name or email.' }: { helperText?: string }) => (
  <MentorInput source="mentor_id" validate={required('Choose a mentor.')} helperText={helperText} fullWidth />
);

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

/** The API body; blank capacity = no limit. */
export const missionMentorData = (values: Record<string, unknown>) => ({
  mission_id: values.mission_id,
  mentor_id: values.mentor_id,
  capacity: values.capacity === '' || values.capacity == null ? null : Number(values.capacity),
});
