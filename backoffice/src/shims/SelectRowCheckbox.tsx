// react-admin's row-selection checkbox puts its aria-label on the checkbox's wrapper span (a prohibited
// attribute there, and the input itself left without a name: axe "label", critical). The same checkbox with the
// name on the input, naming the row's record. Swapped in for react-admin's by an alias in vite.config.ts.
import { memo, useCallback, type MouseEvent } from 'react';
import { Checkbox } from '@mui/material';
import { useDataTableCallbacksContext, useDataTableSelectedIdsContext, useRecordContext, useTranslate } from 'react-admin';

export const SelectRowCheckbox = memo(() => {
  const { handleToggleItem, isRowSelectable } = useDataTableCallbacksContext();
  const selectedIds = useDataTableSelectedIdsContext();
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record) throw new Error('SelectRowCheckbox can only be used within a RecordContext');
  const selectable = !isRowSelectable || isRowSelectable(record);
  const selected = selectedIds?.includes(record.id);
  const toggle = useCallback(
    (event: MouseEvent) => {
      if (!selectable || !handleToggleItem) return;
      handleToggleItem(record.id, event as never);
      event.stopPropagation();
    },
    [record.id, handleToggleItem, selectable],
  );
  const name = record.name ?? record.student_name ?? record.title ?? record.code ?? `#${record.id}`;
  return (
    <Checkbox
      slotProps={{ input: { 'aria-label': translate('app.select_row', { name, _: `Select ${name}` }) } }}
      color="primary"
      className="select-item RaDataTable-checkbox"
      checked={selectable && selected}
      onClick={toggle}
      disabled={!selectable}
    />
  );
});
SelectRowCheckbox.displayName = 'SelectRowTableCell';
