import { AppError, errors } from '../../core/errors';

/** The kinds of file a student may hand in, by extension; the stored type comes from here, never from the client. */
export const SUBMISSION_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  md: 'text/markdown',
  ipynb: 'application/x-ipynb+json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const ALLOWED_EXTENSIONS = Object.keys(SUBMISSION_FILE_TYPES);

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return name.slice(0, 255);
}

/** The stored content type of a file by its name, or a 415 naming the kinds that are accepted. */
export function submissionContentType(fileName: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase();
  const type = extension ? SUBMISSION_FILE_TYPES[extension] : undefined;
  if (!type) {
    throw new AppError(415, 'INVALID_INPUT', `That kind of file is not accepted. Hand in one of: ${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`, {
      fields: { file: 'type not accepted' },
    });
  }
  return type;
}

export const fileTooLarge = (maxBytes: number) => new AppError(413, 'INVALID_INPUT', `The file is too large: at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
export const fileMissingName = () => errors.validation('Send the file name in the X-File-Name header.', { file: 'name missing' });
export const fileEmpty = () => errors.validation('The file is empty.', { file: 'empty' });

/** Content-Disposition for a download: always an attachment, so an uploaded page never runs as the school's site. */
export const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
