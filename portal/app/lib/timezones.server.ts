/** IANA time zones Node knows, for the profile's select. The school's default first. */
export const DEFAULT_TIMEZONE = 'Asia/Dhaka';

let cached: string[] | undefined;

export function timeZones(current?: string | null): string[] {
  if (!cached) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    cached = Array.from(new Set([DEFAULT_TIMEZONE, 'UTC', ...zones.filter((zone) => zone !== DEFAULT_TIMEZONE)]));
  }
  return current && !cached.includes(current) ? [current, ...cached] : cached;
}
