import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';

import { CsrfInput } from './components/form';
import { useNonce } from './lib/nonce';
import { commitSession, getSession, newCsrfToken } from './lib/session.server';
import stylesUrl from './styles/app.css?url';

export const APP_NAME = 'Student Portal';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: APP_NAME },
  { name: 'description', content: 'Your attendance, points and missions at the school.' },
];

/**
 * Every page gets the session's CSRF token for its forms (created on the first
 * visit, so the login form has one too) and whether someone is signed in, for the
 * header. This is the only place a CSRF token is created outside sign-in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  let csrf = session.get('csrf');
  const headers = new Headers();
  if (!csrf) {
    csrf = newCsrfToken();
    session.set('csrf', csrf);
    headers.append('Set-Cookie', await commitSession(request, session));
  }
  const student = session.get('token') ? (session.get('student') ?? null) : null;
  return data({ csrf, student }, { headers });
}

/** The signed-in pages, in the order of the nav (compact enough for a 360 px screen). */
const NAV_ITEMS = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/attendance', label: 'Attendance' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/assignments', label: 'Assignments' },
  { to: '/points', label: 'Points' },
  { to: '/missions', label: 'Missions' },
  { to: '/profile', label: 'Profile' },
] as const;

function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className={signedIn ? 'site-header signed-in' : 'site-header'}>
      <div className="bar">
        <Link to="/" className="brand">
          {APP_NAME}
        </Link>
        {signedIn ? (
          <>
            <nav aria-label="Main" className="main-nav">
              <ul className="nav-list">
                {NAV_ITEMS.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <Form method="post" action="/logout" className="inline-form sign-out">
              <CsrfInput />
              <button type="submit" className="link-button">
                Sign out
              </button>
            </Form>
          </>
        ) : (
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/login">Sign in</NavLink>
              </li>
              <li>
                <NavLink to="/signup">Sign up</NavLink>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4ed8" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader signedIn={Boolean(root?.student)} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = 'Something went wrong';
  let text = 'Please try again in a minute. If it keeps happening, tell your mentor or the SRE team.';
  if (isRouteErrorResponse(error)) {
    const message =
      error.data && typeof error.data === 'object' && typeof error.data.message === 'string' ? error.data.message : null;
    if (error.status === 404) {
      title = 'Page not found';
      text = message ?? 'The address may be mistyped, or the page has moved.';
    } else if (error.status === 403) {
      title = 'Not allowed';
      text = message ?? 'Your account cannot open this page.';
    } else if (message) {
      text = message;
    }
  }
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}
