import { useEffect, useState } from 'react';
import { useGetList, type Identifier } from 'react-admin';
import { errorMessage } from '../common/errors';
import { useSmsDataProvider } from '../providers/dataProvider';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

export interface SreEntry {
  id: number;
  name: string;
  /** Open calls they hold now (known when read from a call-list plan). */
  open?: number;
}

export interface CallScope {
  batch_id?: Identifier | null;
  mission_id?: Identifier | null;
}

const hasScope = (scope: CallScope) => Boolean(scope.batch_id || scope.mission_id);

/**
 * The active SREs who can take calls, with how many open calls each holds when known.
 *
 * The API has no SRE directory an SRE may read (`users` lists are for admins only), so for a
 * batch or mission the list comes from a dry run of POST /call_lists/generate, which answers every
 * active SRE with their open calls and writes nothing. Without a scope, admins read
 * GET /users?filter={"role":"sre","status":"active"}; others get an empty list.
 */
export const useSreDirectory = (scope: CallScope, { enabled = true }: { enabled?: boolean } = {}) => {
  const me = useMe();
  const dataProvider = useSmsDataProvider();
  const scoped = enabled && hasScope(scope);
  const canListUsers = can(me?.permissions, 'users', 'list');
  const canPlan = can(me?.permissions, 'call_lists', 'create') && can(me?.permissions, 'calls', 'create');
  const usePlan = scoped && canPlan;
  const { data: users, isPending: usersPending } = useGetList(
    'users',
    { filter: { role: 'sre', status: 'active' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: enabled && !usePlan && canListUsers }
  );
  const [planned, setPlanned] = useState<{ key: string; sres: SreEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${scope.batch_id ?? ''}/${scope.mission_id ?? ''}`;

  useEffect(() => {
    if (!usePlan) return;
    let cancelled = false;
    setError(null);
    dataProvider
      .planCallList({
        ...(scope.batch_id ? { batch_id: scope.batch_id } : {}),
        ...(scope.mission_id ? { mission_id: scope.mission_id } : {}),
        risk: ['high'],
        include_open: false,
      })
      .then((plan) => {
        if (!cancelled) setPlanned({ key, sres: plan.sres.map((s) => ({ id: s.sre_id, name: s.name, open: s.open_before })) });
      })
      .catch((e: unknown) => {
        if (!cancelled) {
          setPlanned({ key, sres: [] });
          setError(errorMessage(e));
        }
      });
    return () => {
      cancelled = true;
    };
  }, [key, usePlan]);

  if (usePlan) {
    const current = planned?.key === key ? planned.sres : null;
    return { sres: current ?? ([] as SreEntry[]), isPending: current === null, error: current === null ? null : error };
  }
  if (enabled && canListUsers) {
    return {
      sres: (users ?? []).map((u): SreEntry => ({ id: Number(u.id), name: String(u.name) })),
      isPending: usersPending,
      error: null,
    };
  }
  return { sres: [] as SreEntry[], isPending: false, error: null };
};
