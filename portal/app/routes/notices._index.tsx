import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { VisuallyHidden } from '~/components/engagement';
import { api } from '~/lib/api.server';
import { audienceText, formatWhen, plural, textOf } from '~/lib/format.server';
import { idOf } from '~/lib/forms.server';
import { loadStudentPage } from '~/lib/student-page.server';

export const meta: MetaFunction = () => [{ title: 'Notices · Student Portal' }];

const PAGE_SIZE = 20;
const EXCERPT_CHARS = 160;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pageNo = Math.max(1, idOf(new URL(request.url).searchParams.get('page') ?? '') || 1);
  const first = (pageNo - 1) * PAGE_SIZE;
  const page = await loadStudentPage(request, context, (caller) =>
    api.me.notices(caller, [first, first + PAGE_SIZE - 1]),
  );
  const { zone, data: notices } = page;
  const now = new Date();
  return {
    notices: notices.rows.map((notice) => ({
      id: notice.id,
      title: notice.title,
      pinned: notice.pinned,
      unread: notice.unread,
      needsAck: notice.requires_ack && !notice.acknowledged_at,
      acknowledged: notice.requires_ack && Boolean(notice.acknowledged_at),
      from: notice.created_by_name,
      audience: audienceText(notice),
      whenText: formatWhen(notice.publish_at, zone, now),
      isoPublished: notice.publish_at,
      excerpt: textOf(notice.body_html, EXCERPT_CHARS),
    })),
    pageNo,
    newer: pageNo > 1 ? (pageNo === 2 ? '/notices' : `/notices?page=${pageNo - 1}`) : null,
    older: notices.total > first + PAGE_SIZE ? `/notices?page=${pageNo + 1}` : null,
    totalText: plural(notices.total, 'notice'),
  };
}

export default function Notices() {
  const { notices, newer, older, totalText, pageNo } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Notices</h1>
      <p className="lead">
        From the school, your batch and your missions. Pinned notices come first.
        {notices.length ? <span className="visually-hidden"> {totalText}.</span> : null}
      </p>
      {notices.length === 0 ? (
        <p className="panel muted">{pageNo > 1 ? 'No more notices.' : 'No notices yet. New ones will appear here.'}</p>
      ) : (
        <ul className="item-list notice-list">
          {notices.map((notice) => (
            <li key={notice.id} className={notice.unread ? 'item notice-item unread' : 'item notice-item'}>
              <p className="item-title">
                <Link to={`/notices/${notice.id}`} className="notice-link">
                  {notice.unread ? <VisuallyHidden>Unread: </VisuallyHidden> : null}
                  {notice.title}
                </Link>
              </p>
              <p className="item-meta">
                {notice.unread ? (
                  <span className="badge badge-info" aria-hidden="true">
                    Unread
                  </span>
                ) : null}
                {notice.pinned ? <span className="badge">Pinned</span> : null}
                {notice.needsAck ? <span className="badge badge-warn">Please acknowledge</span> : null}
                {notice.acknowledged ? <span className="badge badge-good">Acknowledged</span> : null}
              </p>
              {notice.excerpt ? <p className="excerpt">{notice.excerpt}</p> : null}
              <p className="item-meta muted small">
                <span>
                  {notice.from} · {notice.audience} · <time dateTime={notice.isoPublished}>{notice.whenText}</time>
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {newer || older ? (
        <nav aria-label="More notices" className="pager">
          {newer ? <Link to={newer}>Newer notices</Link> : <span />}
          {older ? <Link to={older}>Older notices</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
