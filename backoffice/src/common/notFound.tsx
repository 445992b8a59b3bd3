import { NotFoundPage } from '../layout/NotFoundPage';

/**
 * For a show page: a record that is missing or outside the user's scope (the API answers 404 for both) shows
 * the "not found or no access" page with a way back, instead of a toast and a silent bounce to the list.
 */
export const notFoundProps = {
  redirectOnError: false as const,
  error: <NotFoundPage />,
  queryOptions: { onError: () => undefined },
};
