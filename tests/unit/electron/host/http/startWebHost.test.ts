import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../../../electron/host/http/startWebHost';
import { hydrateOpened } from '../../../../../shared/api';
import { PATH_PIECES } from '../../../support/hostilePaths';
import { openTestWorkbench, referenceArticle } from '../../../support/library';
import { useTemporaryFolder } from '../../../support/temporaryFolder';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control every header (fetch would set Host and Origin itself). */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('the web host', () => {
  const temporaryFolder = useTemporaryFolder();
  const hosts: WebHost[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close();
  });

  async function start() {
    const folder = temporaryFolder();
    const staticDirectory = join(folder, 'renderer');
    mkdirSync(join(staticDirectory, 'assets'), { recursive: true });
    writeFileSync(join(staticDirectory, 'index.html'), '<!doctype html><title>Margin</title>');
    writeFileSync(join(staticDirectory, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(folder, 'secret.txt'), 'outside the bundle');
    const { workbench, store } = openTestWorkbench(folder);
    const host = await startWebHost({ services: workbench, staticDirectory, port: 0 });
    hosts.push(host);
    const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      send(host.port, {
        method: 'POST',
        path,
        body: JSON.stringify(body),
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': 'application/json',
          Authorization: `Bearer ${host.token}`,
          ...headers,
        },
      });
    return { host, api, workbench, store };
  }

  it('listens on loopback and prints an address with its token in the fragment', async () => {
    const { host } = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict content security policy, and nothing outside it', async () => {
    const { host } = await start();
    const page = await send(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/..\\secret.txt',
      '//secret.txt',
      '//127.0.0.1/../secret.txt',
    ]) {
      const answer = await send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('outside the bundle');
    }
  });

  it('serves nothing outside the build folder, whatever path a request carries', async () => {
    const { host } = await start();
    let tried = 0;
    const urlPath = fc
      .array(fc.constantFrom(...PATH_PIECES), { maxLength: 10 })
      .map((pieces) => `/${pieces.join('')}`)
      // Node's client sends only printable ASCII in a path; a server would refuse the rest.
      .filter((path) => /^[\u0021-\u007e]*$/.test(path));
    await fc.assert(
      fc.asyncProperty(urlPath, async (path) => {
        tried += 1;
        const answer = await send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
        expect([200, 404], path).toContain(answer.status);
        expect(answer.body).not.toContain('outside the bundle');
      }),
      { numRuns: 400 },
    );
    expect(tried).toBe(400);
  });

  it('answers API calls that carry the token, and refuses those that do not', async () => {
    const { api } = await start();
    const good = await api('/api/library/list', {});
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: [] });
    const noToken = await api('/api/library/list', {}, { Authorization: '' });
    expect(noToken.status).toBe(401);
    const wrongToken = await api('/api/library/list', {}, { Authorization: 'Bearer guessed' });
    expect(wrongToken.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { api } = await start();
    expect((await api('/api/library/list', {}, { Host: 'evil.example:80' })).status).toBe(421);
    expect((await api('/api/library/list', {}, { Origin: 'http://evil.example' })).status).toBe(401);
  });

  it('rejects malformed payloads with one sentence and writes nothing', async () => {
    const { api, workbench, host } = await start();
    const { document } = await workbench.library.importBytes('ectc.txt', referenceArticle());
    const malformed: unknown[] = [
      { id: 'not-a-uuid' },
      { id: crypto.randomUUID(), documentId: document.id, tag: 'claim', start: 5, end: 2 },
      'just a string',
      null,
    ];
    for (const payload of malformed) {
      const answer = await api('/api/annotations/save', payload);
      expect(answer.status).toBe(400);
      const envelope = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } };
      expect(envelope.ok).toBe(false);
      expect(envelope.error.code).toBe('invalid-input');
    }
    const notJson = await send(host.port, {
      method: 'POST',
      path: '/api/annotations/save',
      body: '{"id": ',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${host.token}`,
      },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toContain('not valid JSON');
    expect(hydrateOpened(workbench.library.open({ id: document.id })).annotations).toEqual([]);
  });

  it('caps request bodies per method', async () => {
    const { api } = await start();
    const answer = await api('/api/annotations/remove', { id: 'x'.repeat(3 * 1024 * 1024) });
    expect(answer.status).toBe(413);
  });

  it('answers an unknown method with 404', async () => {
    const { api } = await start();
    expect((await api('/api/library/drop', {})).status).toBe(404);
  });
});
