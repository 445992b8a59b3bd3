/** What the outbox shows where a message had a link: the link itself went to the recipient only. */
export const REDACTED_LINK = '[link sent to the recipient]';

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
// A run of URL-safe characters as long as the system's tokens (32 random bytes in base64url are 43): a secret
// that reached the text some other way (a custom template, a code pasted in a reply).
const TOKEN = /[A-Za-z0-9_-]{32,}/g;

/**
 * A mail's text as kept in the outbox (`outbox_messages`): every link replaced, since links are what carry the
 * secrets (password reset, email verification, invitation, sign-in), and any token-like run of characters too.
 * The delivered message keeps its links; this copy is for "what did we send, when, to whom".
 */
export function redactSecrets(text: string): string {
  return text.replace(LINK, REDACTED_LINK).replace(TOKEN, '[secret removed]');
}
