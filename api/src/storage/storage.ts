import type { Readable } from 'node:stream';

/** Where uploaded files live: local disk by default, S3-compatible storage when configured. */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Stores the stream under `key` (a name the API made up, never a client's); resolves with the byte count. */
  put(key: string, body: Readable, contentType: string, maxBytes: number): Promise<number>;
  /** The stored bytes, or null when the key is unknown. */
  get(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}
