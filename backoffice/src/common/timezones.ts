/** IANA time zones the browser knows, with the school's default first. */
export const DEFAULT_TIMEZONE = 'Asia/Dhaka';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_TIMEZONE, 'UTC'];
  }
};

export const timezoneChoices = (() => {
  const list = zones();
  const ordered = [DEFAULT_TIMEZONE, ...list.filter((z) => z !== DEFAULT_TIMEZONE)];
  if (!ordered.includes('UTC')) ordered.push('UTC');
  return ordered.map((id) => ({ id, name: id.replace(/_/g, ' ') }));
})();
