import { DataTable, List, SimpleList, useCanAccess } from 'react-admin';
import { RISK_REASON_CHOICES, choiceName } from '../common/choices';
import { formatDateTime } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';

/** What to say on a call, one script per reason; SREs, managers and admins edit them. */
export const CallScriptList = () => {
  const isSmall = useIsSmall();
  const { canAccess: canEdit } = useCanAccess({ resource: 'call_scripts', action: 'edit' });
  const rowClick = canEdit ? 'edit' : 'show';
  return (
    <List title="Call scripts" sort={{ field: 'reason', order: 'ASC' }} perPage={25} exporter={false} actions={false} pagination={false}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => r.title}
          secondaryText={(r) => `For: ${choiceName(RISK_REASON_CHOICES, r.reason)} · updated ${formatDateTime(r.updated_at)}`}
          rowClick={rowClick}
        />
      ) : (
        <DataTable rowClick={rowClick} bulkActionButtons={false}>
          <DataTable.Col source="reason" label="For" render={(r) => choiceName(RISK_REASON_CHOICES, r.reason)} />
          <DataTable.Col source="title" label="Title" />
          <DataTable.Col
            source="body"
            label="Script"
            disableSort
            render={(r) => {
              const text = String(r.body ?? '');
              return text.length > 140 ? `${text.slice(0, 140)}…` : text;
            }}
            cellSx={() => ({ maxWidth: 480 })}
          />
          <DataTable.Col source="updated_at" label="Updated" render={(r) => formatDateTime(r.updated_at)} />
        </DataTable>
      )}
    </List>
  );
};
