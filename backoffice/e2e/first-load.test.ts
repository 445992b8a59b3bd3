// First load of the back office on a slow connection (issue 14 item 2): the sign-in page's JavaScript ≤ 200 kB
// compressed, the page compressed with its loading shell in the HTML, and a usable dashboard after signing in. The
// time budget (a usable dashboard ≤ 2 s for a returning user on slow 3G) is checked by api/bench/first-load.bench.ts.
import { LOGIN_JS_BUDGET, describeFirstLoad, measureFirstLoad } from './first-load-measure';
import { useSystem } from './helpers';

jest.setTimeout(180_000);
const env = useSystem();

test('sign-in page JS within its budget on slow 3G; the dashboard becomes usable', async () => {
  if (!env.browser) return;
  const m = await measureFirstLoad(env);
  console.log(describeFirstLoad(m));
  expect(m.contentEncoding).toBe('br');
  // The shell is in the HTML: something to see before any script has run.
  expect(m.html).toContain('Loading the back office');
  expect(m.loginJs).toBeLessThanOrEqual(LOGIN_JS_BUDGET);
  expect(m.problems).toEqual([]);
});
