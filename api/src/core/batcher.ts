/**
 * Collects calls made in the same moment and runs them as one batch, so a crowd of requests costs a few
 * database round trips instead of one each. Each caller gets its own result (or error) back.
 */
export class Batcher<In, Out> {
  private queue: { input: In; resolve: (value: Out) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<(Out | Error)[]>,
    private readonly maxBatch = 500,
  ) {}

  load(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return;
    this.run(batch.map((item) => item.input)).then(
      (results) =>
        batch.forEach((item, i) => {
          const result = results[i];
          if (result instanceof Error) item.reject(result);
          else item.resolve(result as Out);
        }),
      (error) => batch.forEach((item) => item.reject(error)),
    );
  }
}
