import type { ResourceProps } from 'react-admin';
import { lazyNamed } from '../common/lazyNamed';

const AuditLogList = lazyNamed(() => import('./AuditLogList'), 'AuditLogList');
const AuditLogShow = lazyNamed(() => import('./AuditLogShow'), 'AuditLogShow');

export const auditLog: ResourceProps = {
  name: 'audit_log',
  list: AuditLogList,
  show: AuditLogShow,
  options: { label: 'Audit log' },
};

export default auditLog;
