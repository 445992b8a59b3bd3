/**
 * For lists with several filters: the action buttons on a row of their own above, and the
 * filters below across the full width (react-admin otherwise squeezes the filters beside the
 * buttons on a desktop, one per line). Phones already stack them this way.
 */
export const wideFiltersSx = {
  '& .RaList-actions': { flexDirection: 'column-reverse', alignItems: 'stretch', flexWrap: 'nowrap' },
  '& .RaList-actions .RaFilterForm-root': { flex: '1 1 auto' },
  '& .RaList-actions .RaTopToolbar-root': { minHeight: 0, pt: 1 },
};
