import type { Role } from '../providers/session';
import { listLink } from '../common/format';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';
import { useLiveTotal } from './live';
import { Stat, StatCard } from './parts';

export const AT_RISK = { risk: ['high'], mission_status: 'active' };
export const SLIPPING = { risk: ['high', 'medium'], mission_status: 'active' };

/** Outreach counts (grid items): students at risk (staff) or slipping (a mentor's own), and an SRE's calls due. */
export const OutreachCards = ({ role }: { role: Role | undefined }) => {
  const me = useMe();
  const seesProgress = can(me?.permissions, 'student_progress', 'list');
  const isMentor = role === 'mentor';
  const isSre = role === 'sre';
  const atRisk = useLiveTotal('student_progress', isMentor ? SLIPPING : AT_RISK, seesProgress);
  const dueToday = useLiveTotal('calls', { mine: true, due: 'today' }, isSre);
  const overdue = useLiveTotal('calls', { mine: true, due: 'overdue' }, isSre);
  if (!seesProgress && !isSre) return null;
  return (
    <>
      {seesProgress &&
        (isMentor ? (
          <StatCard title="My students slipping">
            <Stat value={atRisk} label="high or medium risk, in active missions" to={listLink('student_progress', SLIPPING)} />
          </StatCard>
        ) : (
          <StatCard title="At risk">
            <Stat value={atRisk} label="high-risk enrolments in active missions" to={listLink('student_progress', AT_RISK)} />
          </StatCard>
        ))}
      {isSre && (
        <StatCard title="Calls due today / overdue">
          <Stat value={dueToday} label="due today" to={listLink('calls', { mine: true, due: 'today' })} />
          <Stat value={overdue} label="overdue" to={listLink('calls', { mine: true, due: 'overdue' })} />
        </StatCard>
      )}
    </>
  );
};
