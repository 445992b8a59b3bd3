import type { Knex } from 'knex';

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface PooledClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/**
 * Runs a statement as a named prepared statement on one of knex's pooled connections, so PostgreSQL parses and
 * plans it once per connection instead of on every call (for the batched statements behind every request,
 * planning cost more than running). `text` uses $1…$n placeholders with explicit casts.
 */
export async function preparedQuery<Row>(knex: Knex, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
