import { Pagination, useListContext, type PaginationProps } from 'react-admin';

/** Pagination for a short related list (a show page section): nothing while everything fits on one page. */
export const CompactPagination = (props: PaginationProps) => {
  const { total, perPage, page } = useListContext();
  if (total == null || (total <= perPage && page === 1)) return null;
  return <Pagination rowsPerPageOptions={[]} {...props} />;
};
