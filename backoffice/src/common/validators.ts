import { regex } from 'react-admin';

// The same rules and wording as the API (users resource), checked early for a quicker answer.
export const phoneValidator = regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number with digits, spaces, dashes or a leading +.');

export const avatarUrlValidator = regex(/^https?:\/\/\S+$/, 'Enter a full http(s) URL.');
