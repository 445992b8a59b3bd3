import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('keeps ordinary formatting and makes links safe', () => {
    const html = renderMarkdown('**Bold** and [the guide](https://school.test/guide)');
    expect(html).toBe('<p><strong>Bold</strong> and <a href="https://school.test/guide" rel="noopener noreferrer nofollow" target="_blank">the guide</a></p>\n');
  });

  it.each([
    ['<script>alert(1)</script>Hello', /<script|alert\(1\)<\/script/],
    ['<img src=x onerror="alert(1)">', /onerror/],
    ['[click](javascript:alert(1))', /javascript:/],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/],
    ['<iframe src="https://evil.test"></iframe>', /<iframe/],
    ['<div style="background:url(javascript:alert(1))">x</div>', /style=|javascript:/],
    ['<svg><script>alert(1)</script></svg>', /<svg|<script/],
    ['![x](http://insecure.test/a.png)', /src="http:/],
    ['<img src=x onerror="alert(1)">', /<img/],
    ['<a href="https://ok.test" onclick="alert(1)">ok</a>', /onclick/],
  ])('renders %s inert', (markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });
});
