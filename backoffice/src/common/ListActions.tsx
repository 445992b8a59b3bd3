import type { ReactNode } from 'react';
import { FilterButton, TopToolbar } from 'react-admin';
import { ExportCsvButton } from './ExportCsvButton';

/** A list's usual toolbar: the filter button, any extra buttons (create…), then the CSV export. */
export const ListActions = ({ children }: { children?: ReactNode }) => (
  <TopToolbar>
    <FilterButton />
    {children}
    <ExportCsvButton />
  </TopToolbar>
);
