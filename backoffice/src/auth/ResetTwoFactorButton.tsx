import { useState } from 'react';
import { Button, Confirm, HttpError, useNotify, useRecordContext } from 'react-admin';
import LockResetIcon from '@mui/icons-material/LockReset';
import { apiFetch } from '../providers/httpClient';
import { useMe } from '../providers/useMe';

/** Admins, on another user's page: reset their two-factor sign-in (lost phone); they are signed out everywhere. */
export const ResetTwoFactorButton = () => {
  const record = useRecordContext<{ id: number; name: string }>();
  const me = useMe();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || me?.role !== 'admin' || String(me.id) === String(record.id)) return null;

  const reset = async () => {
    setBusy(true);
    try {
      const answer = await apiFetch<{ message: string }>(`/users/${record.id}/2fa/reset`, { method: 'POST', body: '{}' });
      notify(answer.message, { type: 'success' });
    } catch (e) {
      notify(e instanceof HttpError ? e.message : 'Could not reset two-factor sign-in.', { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label="Reset two-factor" onClick={() => setOpen(true)} disabled={busy}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Reset two-factor sign-in of ${record.name}?`}
        content="Their authenticator app and recovery codes stop working, remembered devices are forgotten and they are signed out everywhere. Do this only when you are sure it is them asking (e.g. a lost phone)."
        confirm="Reset"
        onConfirm={() => void reset()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
