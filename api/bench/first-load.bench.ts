// The back office's first-load time budget (issue 14 item 2), measured as first-load.test.ts measures it: a
// returning user's usable dashboard ≤ 2 s on slow 3G (400 ms RTT, 400 kbit/s), the best of three runs on the whole
// system started from its builds. Needs Debian's chromium (skipped loudly without it).
import { DASHBOARD_BUDGET_MS, describeFirstLoad, measureFirstLoad, type FirstLoad } from '../../backoffice/e2e/first-load-measure';
import { useSystem } from '../../backoffice/e2e/helpers';

jest.setTimeout(600_000);
const env = useSystem();

test('a returning user has a usable dashboard within 2 s on slow 3G', async () => {
  if (!env.browser) {
    console.warn('first-load bench skipped: no chromium');
    return;
  }
  const runs: FirstLoad[] = [];
  for (let i = 0; i < 3; i += 1) runs.push(await measureFirstLoad(env));
  const best = runs.reduce((a, b) => (b.returningMs < a.returningMs ? b : a));
  console.log(`${describeFirstLoad(best)}\n  returning user, three runs: ${runs.map((r) => r.returningMs).join(', ')} ms; best/budget = ${(best.returningMs / DASHBOARD_BUDGET_MS).toFixed(2)}`);
  expect(best.returningMs).toBeLessThanOrEqual(DASHBOARD_BUDGET_MS);
});
