import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLargeError, type FileStorage } from './storage';

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Counts bytes through the stream and stops it past the limit, so an upload never fills the disk. */
export function byteLimit(maxBytes: number): Transform & { bytes: number } {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      if (counter.bytes > maxBytes) done(new FileTooLargeError(maxBytes));
      else done(null, chunk);
    },
  }) as Transform & { bytes: number };
  counter.bytes = 0;
  return counter;
}

/** Files under one directory, each at its key's path. */
export function localStorage(root: string): FileStorage {
  const fileOf = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${key}`);
    return path.join(root, key);
  };
  return {
    kind: 'local',
    async put(key, body, _contentType, maxBytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const limit = byteLimit(maxBytes);
      try {
        await pipeline(body, limit, createWriteStream(file, { flags: 'wx' }));
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      return limit.bytes;
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch {
        return null;
      }
      return createReadStream(file) as Readable;
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
