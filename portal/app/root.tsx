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
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';

import { CsrfInput } from './components/form';
import { useLiveUpdates } from './lib/live-updates';
import { useNonce } from './lib/nonce';
import { commitSession, getSession, newCsrfToken } from './lib/session.server';
import { navState, type NavState } from './lib/student-page.server';
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
 * Signed in: the nav's state too (suspended, restricted, unread notices), from the
 * same `GET /auth/me` as the page's own loader.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request);
  let csrf = session.get('csrf');
  const headers = new Headers();
  if (!csrf) {
    csrf = newCsrfToken();
    session.set('csrf', csrf);
    headers.append('Set-Cookie', await commitSession(request, session));
  }
  const student = session.get('token') ? (session.get('student') ?? null) : null;
  const nav = student ? await navState(request, session, context) : null;
  return data({ csrf, student, nav }, { headers });
}

/** The header follows every navigation: a notice read or arrived, a restriction, a ban. */
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

interface NavItem {
  to: string;
  label: string;
}

/** The pages used most, always in view (two rows at 360 px, each target 44 px high). */
const NAV_MAIN: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/attendance', label: 'Attendance' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/assignments', label: 'Assignments' },
  { to: '/points', label: 'Points' },
  { to: '/notices', label: 'Notices' },
];

/** The rest, behind "More" (a <details>: opens without JavaScript too). */
const NAV_MORE: NavItem[] = [
  { to: '/alerts', label: 'Alerts' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/achievements', label: 'Achievements' },
  { to: '/tickets', label: 'Tickets' },
  { to: '/missions', label: 'Missions' },
  { to: '/ideas', label: 'Ideas' },
  { to: '/standing', label: 'Standing' },
  { to: '/profile', label: 'Profile' },
];

/** A banned or delisted student may only read their standing and appeal. */
const NAV_SUSPENDED: NavItem[] = [{ to: '/standing', label: 'Standing' }];

function NavItemLink({ item, unread }: { item: NavItem; unread?: number | null }) {
  return (
    <NavLink to={item.to} prefetch="intent">
      {item.label}
      {unread ? (
        <>
          <span className="nav-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden"> ({unread} unread)</span>
        </>
      ) : null}
    </NavLink>
  );
}

/** "More": closes after a click on one of its pages, a click elsewhere or Escape (with JavaScript). */
function MoreMenu({ items, alerts }: { items: NavItem[]; alerts: number | null }) {
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const current = items.some((item) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`));
  return (
    <li className="nav-more">
      <details ref={ref}>
        <summary className={current ? 'current' : undefined}>
          More<span className="visually-hidden"> pages</span>
          {alerts ? (
            <span className="nav-count" aria-hidden="true">
              {alerts > 99 ? '99+' : alerts}
            </span>
          ) : null}
        </summary>
        <ul className="more-list">
          {items.map((item) => (
            <li key={item.to}>
              <NavItemLink item={item} unread={item.to === '/alerts' ? alerts : null} />
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function SiteHeader({ signedIn, nav }: { signedIn: boolean; nav: NavState | null }) {
  const main = nav?.suspended ? NAV_SUSPENDED : NAV_MAIN;
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
                {main.map((item) => (
                  <li key={item.to}>
                    <NavItemLink item={item} unread={item.to === '/notices' ? nav?.unread : null} />
                  </li>
                ))}
                {nav?.suspended ? null : <MoreMenu items={NAV_MORE} alerts={nav?.alerts ?? null} />}
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

/** On every page but /standing itself: a restricted student keeps everything except mentorship. */
function RestrictedBanner() {
  return (
    <p className="notice notice-warn restricted-banner" role="note">
      <strong>Your account is restricted.</strong> Mentorship is unavailable: you cannot check in to meetings or write
      to your mentor. Everything else works as usual, and the SRE team can still help.{' '}
      <Link to="/standing">Why, and how to appeal</Link>
    </p>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>('root');
  const location = useLocation();
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
        <SiteHeader signedIn={Boolean(root?.student)} nav={root?.nav ?? null} />
        <main id="main" tabIndex={-1}>
          {root?.nav?.restricted && location.pathname !== '/standing' ? <RestrictedBanner /> : null}
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { student } = useLoaderData<typeof loader>();
  useLiveUpdates(Boolean(student));
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
