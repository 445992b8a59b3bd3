/**
 * Collects calls made in the same moment and runs them as one batch, so a crowd of requests costs a few
 * database round trips instead of one each. Each caller gets its own result (or error) back.
 *
 * At most `maxInFlight` batches run at once; calls arriving meanwhile wait and go together in the next one.
 * Under load the batches therefore grow instead of multiplying, which keeps PostgreSQL's work per call
 * (statements, commits, WAL flushes) falling as the crowd grows.
 */
export class Batcher<In, Out> {
  private queue: { input: In; resolve: (value: Out) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly run: (inputs: In[]) => Promise<(Out | Error)[]>,
    private readonly maxBatch = 500,
    private readonly maxInFlight = 2,
  ) {}

  load(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.queue.length >= this.maxBatch && this.inFlight < this.maxInFlight) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight += 1;
    this.schedule();
    const settle = (each: (item: (typeof batch)[number], i: number) => void) => {
      this.inFlight -= 1;
      batch.forEach(each);
      this.schedule();
    };
    this.run(batch.map((item) => item.input)).then(
      (results) =>
        settle((item, i) => {
          const result = results[i];
          if (result instanceof Error) item.reject(result);
          else item.resolve(result as Out);
        }),
      (error) => settle((item) => item.reject(error)),
    );
  }
}
