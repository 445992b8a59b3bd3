import { createServer, type IncomingMessage } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { localStorage } from './local-storage';
import { s3Storage } from './s3-storage';
import { FileTooLargeError } from './storage';

const bytes = (value: string) => Readable.from([Buffer.from(value)]);

describe('local disk', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'sms-storage-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores, reads back and removes a file under its key', async () => {
    const storage = localStorage(root);
    expect(await storage.put('missions/1/a', bytes('hello'), 'text/plain', 100)).toBe(5);
    expect(await text((await storage.get('missions/1/a'))!)).toBe('hello');
    await storage.remove('missions/1/a');
    expect(await storage.get('missions/1/a')).toBeNull();
  });

  it('stops a file past the limit and leaves nothing behind', async () => {
    const storage = localStorage(root);
    await expect(storage.put('missions/1/big', bytes('x'.repeat(101)), 'text/plain', 100)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await readdir(path.join(root, 'missions/1'))).toEqual([]);
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = localStorage(root);
    await expect(storage.put('../outside', bytes('x'), 'text/plain', 10)).rejects.toThrow(/unsafe storage key/);
  });
});

it('S3-compatible: signed path-style requests to the bucket, 404 as missing', async () => {
  const objects = new Map<string, string>();
  const seen: { method: string; url: string; auth: string }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    seen.push({ method: req.method!, url: req.url!, auth: String(req.headers.authorization) });
    if (req.method === 'PUT') {
      objects.set(req.url!, await text(req));
      res.end();
    } else if (req.method === 'GET') {
      if (!objects.has(req.url!)) res.writeHead(404).end('<Error>NoSuchKey</Error>');
      else res.end(objects.get(req.url!));
    } else {
      objects.delete(req.url!);
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const storage = s3Storage({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bucket: 'school',
    region: 'eu-central-1',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'secret',
  });
  try {
    expect(await storage.put('missions/7/file', bytes('slides'), 'application/pdf', 100)).toBe(6);
    expect(await text((await storage.get('missions/7/file'))!)).toBe('slides');
    await storage.remove('missions/7/file');
    expect(await storage.get('missions/7/file')).toBeNull();
    await expect(storage.put('missions/7/big', bytes('x'.repeat(200)), 'application/pdf', 100)).rejects.toBeInstanceOf(FileTooLargeError);
  } finally {
    server.close();
  }
  expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /school/missions/7/file', 'GET /school/missions/7/file', 'DELETE /school/missions/7/file', 'GET /school/missions/7/file']);
  expect(seen.every((r) => r.auth.startsWith('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/') && r.auth.includes('/eu-central-1/s3/aws4_request'))).toBe(true);
});
