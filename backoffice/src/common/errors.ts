/** An error's message as shown to the user (the API's messages are written to be read as is). */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The API's 422 field errors (body.errors, see httpClient) without the root entry, in the shape a
 * react-admin <Form onSubmit> returns to show them beside the inputs; undefined when there are none.
 */
export const fieldErrors = (error: unknown): Record<string, unknown> | undefined => {
  const fields = (error as { body?: { errors?: Record<string, unknown> } } | null)?.body?.errors;
  if (!fields) return undefined;
  const { root: _root, ...rest } = fields;
  return Object.keys(rest).length ? rest : undefined;
};
