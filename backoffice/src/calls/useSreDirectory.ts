import { useGetList } from 'react-admin';

export interface SreEntry {
  id: number;
  name: string;
  /** Open calls they hold now. */
  open?: number;
}

/** The active SREs who can take calls, with the open calls each holds (the API's `sres` directory). */
export const useSreDirectory = ({ enabled = true }: { enabled?: boolean } = {}) => {
  const { data, isPending, error } = useGetList(
    'sres',
    { filter: { status: 'active' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled },
  );
  return {
    sres: (data ?? []).map((sre): SreEntry => ({ id: Number(sre.id), name: String(sre.name), open: Number(sre.open_calls) })),
    isPending: enabled && isPending,
    error: error ? (error as Error).message : null,
  };
};
