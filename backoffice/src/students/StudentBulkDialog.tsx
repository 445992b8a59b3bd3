import { useState, type ReactNode } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { Form, RadioButtonGroupInput, SaveButton, useListContext, useNotify, useRefresh, type Identifier } from 'react-admin';
import { plural } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';

type Values = Record<string, unknown>;

/** The list's filter without empty values (what the API receives for "all matching"). */
export const cleanFilter = (filter: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(filter ?? {}).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)
    )
  );

export interface StudentBulkDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  icon?: ReactNode;
  defaultValues?: Values;
  /** A filter always applied by the list (e.g. the pairing screen's unpaired students), merged into "all matching". */
  baseFilter?: Record<string, unknown>;
  children: ReactNode;
  /** Performs the action over `filter` (a selection or the list's filter); answers the notification text. */
  run: (values: Values, filter: Record<string, unknown>) => Promise<string>;
}

/**
 * A bulk action over students: the selected rows, or every student matching the list's current
 * filters (one request; the API resolves the filter under the user's scope, in one transaction).
 */
export const StudentBulkDialog = ({
  open,
  onClose,
  title,
  description,
  submitLabel,
  icon,
  defaultValues,
  baseFilter,
  children,
  run,
}: StudentBulkDialogProps) => {
  const { selectedIds = [], filterValues, total, onUnselectItems } = useListContext();
  const isSmall = useIsSmall();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const listFilter = { ...cleanFilter(filterValues), ...cleanFilter(baseFilter) };
  const hasFilter = Object.keys(listFilter).length > 0;
  const count = selectedIds.length;

  const scopeChoices = [
    {
      id: 'selected',
      name: count > 0 ? `The ${plural(count, 'selected student')}` : 'Selected students (none selected)',
      disabled: count === 0,
    },
    {
      id: 'all',
      name: hasFilter
        ? `All ${plural(total ?? 0, 'student')} matching the current filters`
        : 'All students matching the current filters (set a filter first)',
      disabled: !hasFilter || !total,
    },
  ];

  const submit = async (values: Values) => {
    const filter: Record<string, unknown> = values.scope === 'all' ? listFilter : { id: selectedIds as Identifier[] };
    if (values.scope !== 'all' && count === 0) return { scope: 'Select students first, or choose all matching.' };
    setBusy(true);
    try {
      const message = await run(values, filter);
      notify(message, { type: 'success', autoHideDuration: 8000 });
      onUnselectItems();
      refresh();
      onClose();
      return undefined;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error', autoHideDuration: 10000 });
      const fields = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
      if (fields) {
        const { root: _root, ...rest } = fields;
        return rest;
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      fullScreen={isSmall}
      aria-labelledby="bulk-dialog-title"
    >
      <Form onSubmit={submit} defaultValues={{ scope: count > 0 ? 'selected' : 'all', ...defaultValues }}>
        <DialogTitle id="bulk-dialog-title">{title}</DialogTitle>
        <DialogContent>
          {description && (
            <Typography variant="body2" color="text.secondary" component="div" sx={{ mb: 1 }}>
              {description}
            </Typography>
          )}
          <RadioButtonGroupInput source="scope" label="Apply to" choices={scopeChoices} row={false} helperText={false} />
          {!hasFilter && count === 0 && (
            <Alert severity="info" sx={{ mb: 1 }}>
              Select students in the list, or filter the list, first.
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={busy}>
            Cancel
          </MuiButton>
          <SaveButton label={submitLabel} icon={icon as React.ReactElement | undefined} disabled={busy} alwaysEnable={!busy} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
