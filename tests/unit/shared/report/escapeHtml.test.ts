import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../shared/report/escapeHtml';

describe('escapeHtml', () => {
  it('escapes markup characters and both quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('returns plain text unchanged', () => {
    expect(escapeHtml('Plain text, 66 countries — “quoted” 👍')).toBe(
      'Plain text, 66 countries — “quoted” 👍',
    );
  });
});
