import { Button } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import HomeIcon from '@mui/icons-material/Home';
import { LinkBase, useTranslate } from 'react-admin';
import { MessagePage } from './MessagePage';

/**
 * "Not found or no access": a record outside one's scope answers 404 like a missing one (the API never says
 * which), so the page says both, with a way back.
 */
export const NotFoundPage = () => {
  const translate = useTranslate();
  return (
    <MessagePage
      title={translate('app.not_found.title')}
      body={translate('app.not_found.body')}
      actions={
        <>
          <Button variant="contained" startIcon={<ArrowBackIcon />} onClick={() => window.history.back()}>
            {translate('app.not_found.back')}
          </Button>
          <Button component={LinkBase} to="/" startIcon={<HomeIcon />}>
            {translate('app.not_found.home')}
          </Button>
        </>
      }
    />
  );
};
