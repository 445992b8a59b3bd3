import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { Link, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { errorMessage } from '../common/errors';
import { listLink, plural } from '../common/format';
import { useIsSmall } from '../common/useIsSmall';
import { useSmsDataProvider, type CertificateIssueResult } from '../providers/dataProvider';

/** "12 certificates issued; 3 already had one; 40 students have not completed this mission" (zero parts after the first left out). */
export const issueSummary = ({ issued, already, not_completed }: CertificateIssueResult) =>
  [
    `${plural(issued, 'certificate')} issued`,
    already ? `${already.toLocaleString()} already had one` : '',
    not_completed ? `${plural(not_completed, 'student')} ${not_completed === 1 ? 'has' : 'have'} not completed this mission` : '',
  ]
    .filter(Boolean)
    .join('; ');

/**
 * "Issue certificates" on a mission's page (admins, managers, SREs): POST /certificates/issue for every student
 * whose enrolment is marked completed and has no certificate yet; the counts come back as a notification.
 */
export const IssueCertificatesButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'certificates', action: 'issue' });
  const dataProvider = useSmsDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const isSmall = useIsSmall();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const close = () => setOpen(false);
  const issue = async () => {
    setBusy(true);
    try {
      const result = await dataProvider.issueCertificates(record.id);
      notify(issueSummary(result), { type: result.issued ? 'success' : 'info', autoHideDuration: 10_000 });
      close();
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <MuiButton size="small" startIcon={<WorkspacePremiumIcon />} onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap', lineHeight: 1.5 }}>
        Issue certificates
      </MuiButton>
      {open && (
        <Dialog open onClose={close} fullScreen={isSmall} fullWidth maxWidth="sm" aria-labelledby="issue-certificates-title">
          <DialogTitle id="issue-certificates-title" sx={{ overflowWrap: 'anywhere' }}>
            {`Issue certificates for ${record.code ?? 'this mission'}?`}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1.5 }}>
              Every student whose enrolment in this mission is marked <strong>completed</strong> gets a certificate with their points so
              far and a code anyone can verify. Students who already have one are left as they are.
            </DialogContentText>
            <DialogContentText variant="body2">
              Enrolments are marked completed on the{' '}
              <Link to={listLink('mission_enrolments', { mission_id: record.id })} onClick={close}>
                Mission enrolments
              </Link>{' '}
              list (select the students, then “Mark completed”). Issued certificates are on the{' '}
              <Link to={listLink('certificates', { mission_id: record.id })} onClick={close}>
                Certificates
              </Link>{' '}
              list.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>Cancel</MuiButton>
            <MuiButton variant="contained" startIcon={<WorkspacePremiumIcon />} onClick={issue} disabled={busy}>
              Issue certificates
            </MuiButton>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
