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
