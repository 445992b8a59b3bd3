// A hostile notice body is inert in the back office: no script runs, no handler survives, no javascript: link.
import { WIDE, apiAs, openPage, signIn, useSystem } from './helpers';

jest.setTimeout(120_000);
const env = useSystem();

test('a notice with script, onerror, javascript: links and markdown tricks renders inert', async () => {
  if (!env.browser) return;
  const manager = await apiAs(env, 'manager@example.com');
  const body = [
    '# Exam rules',
    '<script>window.__pwned = 1</script>',
    '<img src="https://images.test/x.png" onerror="window.__pwned = 2">',
    '[click me](javascript:window.__pwned=3)',
    '<a href="JaVaScRiPt:window.__pwned=4">tricky</a>',
    '<iframe src="https://evil.test"></iframe>',
    '[the guide](https://school.test/guide)',
  ].join('\n\n');
  const created = await manager.call<{ id: number }>('POST', '/notices', { title: 'Hostile', body_md: body, audience: 'everyone' });
  expect(created.status).toBe(201);

  const { page } = await openPage(env, WIDE);
  await signIn(env, page, 'manager@example.com');
  await page.goto(`${env.system!.backofficeUrl}/#/notices/${created.body.id}/show`);
  const rendered = page.getByLabel('Notice body');
  await rendered.getByRole('heading', { name: 'Exam rules' }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await rendered.locator('script, iframe, [onerror]').count()).toBe(0);
  const hrefs = await rendered.locator('a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
  expect(hrefs.filter(([href]) => /^\s*javascript:/i.test(href ?? ''))).toEqual([]);
  expect(hrefs).toContainEqual(['https://school.test/guide', 'noopener noreferrer nofollow']);
});
