import { DateTimeInput, FunctionField, type DateTimeInputProps, type FunctionFieldProps } from 'react-admin';
import { formatDateTime, instantToWall, toIsoInstant, zoneHint } from './format';

/**
 * A date-time input in the user's profile time zone (react-admin's reads and writes the browser's): shows the
 * instant as that zone's wall time and gives the form an ISO instant back; says which zone under the input.
 */
export const ZonedDateTimeInput = ({ helperText, ...props }: DateTimeInputProps) => (
  <DateTimeInput
    {...props}
    format={(value: unknown) => instantToWall(value)}
    parse={(value: string) => (value ? toIsoInstant(value) : null)}
    helperText={helperText === false ? false : [helperText, zoneHint()].filter(Boolean).join(' ')}
  />
);

/** A timestamp column or field in the user's profile zone. */
export const DateTimeField = ({ source, empty = '', ...props }: Omit<FunctionFieldProps, 'render'> & { source: string; empty?: string }) => (
  <FunctionField source={source} {...props} render={(record) => formatDateTime(record?.[source], empty)} />
);
