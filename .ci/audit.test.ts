// eslint-disable-next-line @typescript-eslint/no-require-imports
const { judge } = require('./audit.js') as { judge: (report: unknown, exceptions: unknown, today?: string) => Verdict };

interface Verdict {
  available: boolean;
  blocking: { id: string }[];
  excepted: { id: string }[];
  other: { id: string }[];
  problems: string[];
}

const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    lodash: { severity: 'high', via: [{ source: 1, name: 'lodash', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', title: 'Prototype pollution', severity: 'high' }] },
    'uses-lodash': { severity: 'high', via: ['lodash'] },
    minimist: { severity: 'moderate', via: [{ source: 2, name: 'minimist', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', title: 'Something', severity: 'moderate' }] },
    tar: { severity: 'critical', via: [{ source: 3, name: 'tar', url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii', title: 'Path traversal', severity: 'critical' }] },
  },
  metadata: {},
};

it('blocks high and critical advisories, once each, and lets moderate ones pass', () => {
  const verdict = judge(report, [], '2026-12-06');
  expect(verdict.available).toBe(true);
  expect(verdict.blocking.map((a) => a.id).sort()).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-gggg-hhhh-iiii']);
  expect(verdict.other.map((a) => a.id)).toEqual(['GHSA-dddd-eeee-ffff']);
});

it('an exception needs a reason and ends on its date', () => {
  const verdict = judge(
    report,
    [
      { advisory: 'GHSA-aaaa-bbbb-cccc', reason: 'Only reached from the build, never with user input.' },
      { advisory: 'GHSA-gggg-hhhh-iiii', reason: 'x' },
    ],
    '2026-12-06',
  );
  expect(verdict.blocking.map((a) => a.id)).toEqual(['GHSA-gggg-hhhh-iiii']);
  expect(verdict.excepted.map((a) => a.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
  expect(verdict.problems).toEqual(['GHSA-gggg-hhhh-iiii: say why in "reason"']);
  const expired = judge(report, [{ advisory: 'GHSA-aaaa-bbbb-cccc', reason: 'Waiting for the upstream fix.', until: '2026-12-01' }], '2026-12-06');
  expect(expired.blocking.map((a) => a.id)).toContain('GHSA-aaaa-bbbb-cccc');
  expect(expired.problems).toEqual(['GHSA-aaaa-bbbb-cccc: the exception ended on 2026-12-01']);
});

it('says when there is no report at all (the advisory service unreachable)', () => {
  expect(judge({ message: '405 Method Not Allowed', statusCode: 405 }, []).available).toBe(false);
  expect(judge(null, []).available).toBe(false);
});
