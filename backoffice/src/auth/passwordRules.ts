import { minLength, required } from 'react-admin';

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordValidators = [
  required('Enter a password.'),
  minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`),
];

/** Validator for a "repeat the password" input: must equal the value at `source`. */
export const sameAs =
  (source: string, message = 'The two passwords do not match.') =>
  (value: unknown, allValues: Record<string, unknown>) =>
    value === allValues[source] ? undefined : message;
