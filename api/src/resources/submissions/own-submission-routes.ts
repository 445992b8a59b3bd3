import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { contextOf, requireActor, type Actor, type RequestContext } from '../../core/actor';
import type { Batcher } from '../../core/batcher';
import { AppError, errors } from '../../core/errors';
import type { FastRoute } from '../../core/fast-lane';
import { fields } from '../../core/fields';
import { numbersInQuery, parseInput } from '../../core/input';
import type { ResourceDefinition } from '../../core/resource';
import { findVisible } from '../../core/resource-router';
import { FileTooLargeError, type FileStorage } from '../../storage/storage';
import type { HandedIn, HandIn, StoredFile } from './own-submission-writer';
import { attachment, cleanFileName, fileEmpty, fileMissingName, fileTooLarge, submissionContentType } from './submission-files';
import type { OwnSubmissionAnswer } from './submission-contract';

export const OWN_SUBMISSION_PATH = '/me/submissions';
export const OWN_SUBMISSION_FILE_PATH = '/me/submissions/file';

const link = z
  .string({ error: 'Give the link to your work (https://…).' })
  .trim()
  .max(2000, 'The link is too long (2,000 characters at most).')
  .regex(/^https?:\/\/\S+$/i, 'A link starts with https:// (or http://), e.g. your repository or deployed site.');
const note = z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional();

const linkSubmission = z.object({ assignment_id: fields.id, link_url: link, note });
const fileSubmission = z.object({ assignment_id: fields.id, link_url: link.optional().or(z.literal('').transform(() => undefined)), note });

const answerOf = (row: HandedIn): OwnSubmissionAnswer => ({
  id: Number(row.id),
  assignment_id: Number(row.assignment_id),
  mission_id: Number(row.mission_id),
  status: row.status,
  submitted_at: new Date(row.submitted_at).toISOString(),
  work_submitted_at: new Date(row.work_submitted_at).toISOString(),
  link_url: row.link_url,
  note: row.note,
  file_name: row.file_name,
  file_size: row.file_size === null ? null : Number(row.file_size),
  resubmission_count: row.resubmission_count,
  message: row.created
    ? `Handed in ${row.status === 'on_time' ? 'on time' : 'late'}.`
    : row.resubmission_count > 0
      ? 'Your new version replaces the one before; you can hand in again until the deadline.'
      : `Your work is attached to your recorded submission (${row.status === 'on_time' ? 'on time' : 'late'}).`,
});

const assertStudent = (actor: Actor) => {
  if (actor.role !== 'student') throw errors.forbidden('Only students hand in their own work.');
};

/** A student hands in a link (the whole cohort at the deadline: the fast lane serves it). */
export function submitOwnLink(writer: Batcher<HandIn, HandedIn>) {
  return async (actor: Actor, body: unknown, context: RequestContext) => {
    assertStudent(actor);
    const input = parseInput(linkSubmission, body);
    const row = await writer.load({
      studentId: actor.id,
      assignmentId: input.assignment_id,
      linkUrl: input.link_url,
      note: input.note ?? null,
      file: null,
      ip: context.ip,
      userAgent: context.userAgent,
      requestId: context.requestId,
    });
    return { status: row.created ? 201 : 200, body: answerOf(row) };
  };
}

export type SubmitOwnLink = ReturnType<typeof submitOwnLink>;

export const ownSubmissionFastRoute = (submit: SubmitOwnLink): FastRoute => ({ method: 'POST', path: OWN_SUBMISSION_PATH, handle: submit });

/**
 * POST /me/submissions (JSON: a link), POST /me/submissions/file?assignment_id&link_url&note (the body is the file,
 * its name in X-File-Name; streamed to storage up to the size limit, then recorded; removed again if the record is
 * refused), GET /submissions/:id/file (the file as an attachment, to whoever may read the submission).
 */
export function ownSubmissionRouter(knex: Knex, storage: FileStorage, writer: Batcher<HandIn, HandedIn>, submissions: ResourceDefinition, maxBytes: number): Router {
  const router = Router();
  const submitLink = submitOwnLink(writer);

  router.post(OWN_SUBMISSION_PATH, async (req: Request, res: Response) => {
    const { status, body } = await submitLink(requireActor(req), req.body, contextOf(req));
    res.status(status).json(body);
  });

  router.post(OWN_SUBMISSION_FILE_PATH, async (req: Request, res: Response) => {
    const actor = requireActor(req);
    assertStudent(actor);
    const input = parseInput(fileSubmission, numbersInQuery(req.query as Record<string, unknown>, ['assignment_id']));
    const fileName = cleanFileName(req.get('x-file-name'));
    if (!fileName) throw fileMissingName();
    const contentType = submissionContentType(fileName);
    const declared = Number(req.get('content-length'));
    if (declared > maxBytes) throw fileTooLarge(maxBytes);
    if (declared === 0) throw fileEmpty();
    const key = `submissions/${input.assignment_id}/${randomUUID()}`;
    let size: number;
    try {
      size = await storage.put(key, req, contentType, maxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) throw fileTooLarge(maxBytes);
      throw error;
    }
    if (size === 0) {
      await storage.remove(key);
      throw fileEmpty();
    }
    const file: StoredFile = { key, name: fileName, size, contentType };
    const context = contextOf(req);
    let row: HandedIn;
    try {
      row = await writer.load({
        studentId: actor.id,
        assignmentId: input.assignment_id,
        linkUrl: input.link_url ?? null,
        note: input.note ?? null,
        file,
        ip: context.ip,
        userAgent: context.userAgent,
        requestId: context.requestId,
      });
    } catch (error) {
      await storage.remove(key);
      throw error;
    }
    if (row.replaced_file_key) await storage.remove(row.replaced_file_key);
    res.status(row.created ? 201 : 200).json(answerOf(row));
  });

  router.get('/submissions/:id/file', async (req: Request, res: Response) => {
    const actor = requireActor(req);
    const row = await findVisible<{ file_key: string | null; file_name: string | null; content_type: string | null; file_size: number | null }>(submissions, actor, knex, req.params.id);
    if (!row.file_key || !row.file_name) throw new AppError(404, 'NOT_FOUND', 'This submission has no file (only a link, or nothing handed in yet).');
    const stream = await storage.get(row.file_key);
    if (!stream) throw errors.notFound('file');
    res.setHeader('Content-Type', row.content_type ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(row.file_size));
    res.setHeader('Content-Disposition', attachment(row.file_name));
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    stream.on('error', (error) => res.destroy(error));
    stream.pipe(res);
  });

  return router;
}
