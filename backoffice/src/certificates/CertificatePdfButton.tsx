import { useState } from 'react';
import { Button as MuiButton } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useNotify, useRecordContext } from 'react-admin';
import { downloadFromApi } from '../common/download';
import { errorMessage } from '../common/errors';

/**
 * "PDF": GET /certificates/:id/pdf fetched with the session cookie (as the data provider does) and saved
 * as a file, so it works whether or not the browser would send the cookie on a plain cross-origin link.
 */
export const CertificatePdfButton = (_props: { label?: string }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const download = async (e: React.MouseEvent) => {
    e.stopPropagation();
    setBusy(true);
    try {
      await downloadFromApi(`/certificates/${encodeURIComponent(String(record.id))}/pdf`, `certificate-${record.code}.pdf`, 'application/pdf');
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MuiButton
      size="small"
      startIcon={<PictureAsPdfIcon />}
      onClick={download}
      disabled={busy}
      aria-label={`Download the certificate of ${record.student_name} as PDF`}
      sx={{ whiteSpace: 'nowrap', lineHeight: 1.5 }}
    >
      PDF
    </MuiButton>
  );
};
