import { parseEmails } from './parse-emails';

it('finds every address in messy pasted text, once, lower-cased', () => {
  const text = `Rahim Uddin <Rahim@Example.com>, karim@example.com; ayesha@example.com
    "Fatema K" <fatema@example.com>\tRAHIM@example.com
  mim@example.com,,, sakib@example.com
  not-an-email, @nothing, hasan@sub.example.co.uk.`;
  expect(parseEmails(text)).toEqual({
    emails: ['rahim@example.com', 'karim@example.com', 'ayesha@example.com', 'fatema@example.com', 'mim@example.com', 'sakib@example.com', 'hasan@sub.example.co.uk'],
    duplicates: 1,
  });
  expect(parseEmails('')).toEqual({ emails: [], duplicates: 0 });
});

it('matches addresses in the quoting people paste them with', () => {
  const text = `'quoted@example.com'
|piped@example.com|
mailto:linked@example.com
"Nadia Islam" <named@example.com>
\`ticked@example.com\`, {braced@example.com}; (round@example.com) [square@example.com]
"dq@example.com"`;
  expect(parseEmails(text).emails).toEqual([
    'quoted@example.com',
    'piped@example.com',
    'linked@example.com',
    'named@example.com',
    'ticked@example.com',
    'braced@example.com',
    'round@example.com',
    'square@example.com',
    'dq@example.com',
  ]);
});
