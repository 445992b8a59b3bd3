import { Readable } from 'node:stream';
import aws4 from 'aws4';
import { byteLimit } from './local-storage';
import type { FileStorage } from './storage';

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Objects in an S3-compatible bucket (AWS S3, Supabase Storage's S3 endpoint, MinIO, R2), path-style, each
 * request signed with AWS Signature v4 by `aws4`. Uploads are buffered up to the size limit (25 MB by
 * default) because a signed PUT needs its length; downloads stream.
 */
export function s3Storage(options: S3Options): FileStorage {
  const base = new URL(options.endpoint);
  const request = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string) => {
    const pathName = `${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(options.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const signed = aws4.sign(
      {
        host: base.host,
        path: pathName,
        method,
        service: 's3',
        region: options.region,
        headers: { ...(contentType ? { 'Content-Type': contentType } : {}), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
        body,
      },
      { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    );
    return fetch(`${base.protocol}//${base.host}${pathName}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: body ? new Uint8Array(body) : undefined,
    });
  };
  const fail = async (what: string, response: Response) => {
    throw new Error(`S3 ${what} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  };
  return {
    kind: 's3',
    async put(key, body, contentType, maxBytes) {
      const chunks: Buffer[] = [];
      const limit = byteLimit(maxBytes);
      for await (const chunk of body.pipe(limit)) chunks.push(chunk as Buffer);
      const buffer = Buffer.concat(chunks);
      const response = await request('PUT', key, buffer, contentType);
      if (!response.ok) await fail('upload', response);
      return buffer.length;
    },
    async get(key) {
      const response = await request('GET', key);
      if (response.status === 404) return null;
      if (!response.ok || !response.body) return fail('download', response);
      return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    },
    async remove(key) {
      const response = await request('DELETE', key);
      if (!response.ok && response.status !== 404) await fail('delete', response);
    },
  };
}
