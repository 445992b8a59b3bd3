import { Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { CssBaseline } from '@mui/material';
import { AdminContext, CoreAdminUI, LoadingPage, useNotificationContext, type DashboardComponent } from 'react-admin';
import { LoginPage } from '../auth/LoginPage';
import { appTitle } from '../config';
import { lazyNamed } from '../common/lazyNamed';
import { authProvider } from '../providers/authProvider';
import { dataProvider } from '../providers/dataProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import { theme } from './theme';

/** A lazy component inside its own Suspense (the places CoreAdminUI renders outside the layout's). */
const suspended = <P extends object>(Lazy: ComponentType<P>) => {
  const Suspended = (props: P) => (
    <Suspense fallback={<LoadingPage />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Suspended;
};

// Everything a signed-in page needs beyond the sign-in page loads after it: the layout (app bar, menu,
// search), and the error and not-found pages. react-admin's <Admin> would import its defaults of all of
// them into the first download; this is <Admin> (AdminContext + AdminUI) with those loaded on demand.
const loadLayout = () => import('./Layout');
const Layout = suspended(lazyNamed(loadLayout, 'Layout'));
// Someone who is signed in goes straight to a page with the layout: fetch it alongside the session check.
if (typeof window !== 'undefined' && !/^#\/(login|forgot-password|reset-password)/.test(window.location.hash)) void loadLayout();
const NotFound = suspended(lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage'));
const ErrorPage = suspended(lazyNamed(() => import('./ErrorPage'), 'ErrorPage'));
const AccessDenied = suspended(lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage'));
const AuthenticationError = suspended(lazyNamed(() => import('./ErrorPage'), 'AuthenticationErrorPage'));
// Notifications (react-admin's snackbar) load with the first one: none is shown on first paint.
const LazyNotification = lazyNamed(() => import('./AppNotification'), 'AppNotification');
const Notification = () => {
  const { notifications } = useNotificationContext();
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (notifications.length > 0) setWanted(true);
  }, [notifications.length]);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <LazyNotification />
    </Suspense>
  );
};

export { suspended };

export const AdminShell = ({ dashboard, children }: { dashboard: DashboardComponent; children: ReactNode }) => (
  <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} theme={theme}>
    <CssBaseline enableColorScheme>
      <CoreAdminUI
        title={appTitle}
        dashboard={dashboard}
        layout={Layout}
        loginPage={LoginPage}
        loading={LoadingPage}
        catchAll={NotFound}
        accessDenied={AccessDenied}
        authenticationError={AuthenticationError}
        error={ErrorPage}
        requireAuth
        disableTelemetry
      >
        {children}
      </CoreAdminUI>
      <Notification />
    </CssBaseline>
  </AdminContext>
);
