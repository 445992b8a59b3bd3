import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor } from '../../core/actor';
import { insertAudited } from '../../core/audit';
import { errors, AppError } from '../../core/errors';
import { fields } from '../../core/fields';
import { numbersInQuery, parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { assertCan, findVisible } from '../../core/resource-router';
import { missionsResource } from '../missions/missions.resource';
import { FileTooLargeError, type FileStorage } from '../../storage/storage';
import { assertMayAddTo } from './mission-resources.resource';

export const UPLOAD_PATH = '/mission_resources/upload';

const uploadQuery = z.object({
  mission_id: fields.id,
  title: z.string({ error: 'Give the file a title.' }).trim().min(1, 'Give the file a title.').max(200, 'Title is too long (200 characters at most).'),
  description: z.string().trim().max(2000, 'The description is too long (2,000 characters at most).').default(''),
  position: z.number({ error: 'Position must be a whole number.' }).int('Position must be a whole number.').min(0).max(10000).default(0),
});

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
function cleanFileName(raw: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return name.slice(0, 255);
}

/**
 * POST /mission_resources/upload?mission_id&title&description&position — the file is the request body (its own
 * Content-Type, its name in X-File-Name), streamed to storage up to MAX bytes, then recorded and audited in one
 * transaction; if the record fails the stored file is removed. GET /mission_resources/:id/download streams it
 * back as an attachment to whoever may read the row (students of the mission unless restricted).
 */
export function missionResourceFilesRouter(knex: Knex, storage: FileStorage, resource: ResourceDefinition, maxBytes: number): Router {
  const router = Router();

  router.post(UPLOAD_PATH, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertCan(resource, actor, 'create');
    const input = parseInput(uploadQuery, numbersInQuery(req.query as Record<string, unknown>, ['mission_id', 'position']));
    const fileName = cleanFileName(req.get('x-file-name'));
    if (!fileName) throw errors.validation('Send the file name in the X-File-Name header.', { file: 'name missing' });
    const declared = Number(req.get('content-length'));
    if (declared > maxBytes) throw tooLarge(maxBytes);
    if (declared === 0) throw errors.validation('The file is empty.', { file: 'empty' });
    await findVisible(missionsResource as unknown as ResourceDefinition, actor, knex, input.mission_id);
    await assertMayAddTo(knex, actor, input.mission_id);
    const contentType = (req.get('content-type') ?? 'application/octet-stream').split(';')[0].trim().slice(0, 200) || 'application/octet-stream';
    const key = `missions/${input.mission_id}/${randomUUID()}`;
    let size: number;
    try {
      size = await storage.put(key, req, contentType, maxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) throw tooLarge(maxBytes);
      throw error;
    }
    if (size === 0) {
      await storage.remove(key);
      throw errors.validation('The file is empty.', { file: 'empty' });
    }
    try {
      const [row] = await knex.transaction((trx) =>
        insertAudited<Record<string, unknown>>(
          trx,
          contextOf(req),
          'mission_resources',
          `INSERT INTO mission_resources (mission_id, title, description, position, kind, file_key, file_name, file_size, content_type, created_by)
           VALUES (?, ?, ?, ?, 'file', ?, ?, ?, ?, ?) RETURNING *`,
          [input.mission_id, input.title, input.description, input.position, key, fileName, size, contentType, actor.id],
        ),
      );
      const { file_key: _hidden, ...visible } = row;
      res.status(201).json(visible);
    } catch (error) {
      await storage.remove(key);
      throw error;
    }
  });

  router.get('/mission_resources/:id/download', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const row = await findVisible<{ kind: string; url: string | null; file_key: string | null; file_name: string; content_type: string; file_size: number }>(
      resource,
      actor,
      knex,
      req.params.id,
    );
    if (row.kind !== 'file' || !row.file_key) throw new AppError(409, 'CONFLICT', 'This resource is a link, not a file: open its address instead.', { url: row.url });
    const stream = await storage.get(row.file_key);
    if (!stream) throw errors.notFound('file');
    res.setHeader('Content-Type', row.content_type);
    res.setHeader('Content-Length', String(row.file_size));
    // Always an attachment, so an uploaded page can never run as the school's site.
    res.setHeader('Content-Disposition', `attachment; filename="${row.file_name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    stream.on('error', (error) => res.destroy(error));
    stream.pipe(res);
  });

  return router;
}

const tooLarge = (maxBytes: number) => new AppError(413, 'INVALID_INPUT', `The file is too large: at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
