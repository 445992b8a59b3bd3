import path from 'node:path';
import { localStorage } from './local-storage';
import { s3Storage } from './s3-storage';
import type { FileStorage } from './storage';

export interface StorageConfig {
  STORAGE_DIR?: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** S3-compatible storage when a bucket is configured, else files under STORAGE_DIR (default: .data/uploads at the repository root). */
export function createStorage(config: StorageConfig): FileStorage {
  if (config.S3_BUCKET) {
    return s3Storage({
      endpoint: config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION ?? 'us-east-1'}.amazonaws.com`,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION ?? 'us-east-1',
      accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
    });
  }
  return localStorage(config.STORAGE_DIR ?? path.resolve(__dirname, '../../../.data/uploads'));
}
