import type { ReactNode } from 'react';
import { DataTable, ReferenceManyField, SimpleList, type SimpleListProps } from 'react-admin';
import { CompactPagination } from './CompactPagination';
import { None } from './Section';
import { useIsSmall } from './useIsSmall';

/** A show page's related records, newest first: a simple list on phones, a table (the given columns) otherwise. */
export const RelatedList = ({
  reference,
  target,
  emptyText,
  primaryText,
  secondaryText,
  children,
}: {
  reference: string;
  target: string;
  emptyText: string;
  primaryText: SimpleListProps['primaryText'];
  secondaryText: SimpleListProps['secondaryText'];
  children: ReactNode;
}) => {
  const isSmall = useIsSmall();
  return (
    <ReferenceManyField
      reference={reference}
      target={target}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      pagination={<CompactPagination />}
    >
      {isSmall ? (
        <SimpleList primaryText={primaryText} secondaryText={secondaryText} rowClick={false} empty={<None text={emptyText} />} />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={<None text={emptyText} />}>
          {children}
        </DataTable>
      )}
    </ReferenceManyField>
  );
};
