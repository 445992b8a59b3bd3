import { Button } from '@mui/material';
import { LinkBase, useResetErrorBoundaryOnLocationChange, useTranslate } from 'react-admin';
import { MessagePage } from './MessagePage';

/** What an unexpected error in a page shows: no stack trace, a way on. */
export const ErrorPage = ({ resetErrorBoundary }: { resetErrorBoundary?: () => void }) => {
  const translate = useTranslate();
  useResetErrorBoundaryOnLocationChange(resetErrorBoundary ?? (() => undefined));
  return (
    <MessagePage
      title={translate('app.error.title')}
      body={translate('app.error.body')}
      actions={
        <>
          <Button variant="contained" onClick={() => window.location.reload()}>
            {translate('app.error.reload')}
          </Button>
          <Button component={LinkBase} to="/">
            {translate('app.not_found.home')}
          </Button>
        </>
      }
    />
  );
};

/** The sign-in check itself failed (not a missing session): the same page. */
export const AuthenticationErrorPage = () => <ErrorPage />;
