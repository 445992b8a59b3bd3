export interface SseMessage {
  event: string;
  data: unknown;
}

export interface SseStream {
  status: number;
  /** Every message so far (comments such as heartbeats counted in `comments`). */
  messages: SseMessage[];
  comments: number;
  /** Resolves with the first message (already received or to come) that matches, or rejects after `timeoutMs`. */
  next(match: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A minimal Server-Sent Events client over fetch, for tests: resolves once the stream's headers arrived. */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters: { match: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
  const stream: SseStream = {
    status: response.status,
    messages,
    comments: 0,
    next(match, timeoutMs = 5000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (m: SseMessage) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    ended: Promise.resolve(),
    close: () => abort.abort(),
  };
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    stream.messages.push({ event: 'http', data: await response.text().catch(() => '') });
    return stream;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  stream.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments += 1;
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          const message = { event, data: JSON.parse(data.join('\n')) as unknown };
          messages.push(message);
          for (const waiter of [...waiters]) {
            if (waiter.match(message)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(message);
            }
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return stream;
}

/** A change event about `resource` that names `id`. */
export const changeOf =
  (resource: string, id?: number) =>
  (message: SseMessage): boolean => {
    const data = message.data as { resource?: string; ids?: number[] };
    return message.event === 'message' && data.resource === resource && (id === undefined || Boolean(data.ids?.includes(id)));
  };
