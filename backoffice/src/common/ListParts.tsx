import { Link, useRecordContext } from 'react-admin';

/** The student's name linking to their page (joined student_name + student_id). */
export const StudentLink = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Link to={`/students/${record.student_id}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {String(record.student_name ?? `Student #${record.student_id}`)}
    </Link>
  );
};

/**
 * Several short lines as one SimpleList text on phones (react-admin puts tertiaryText at the top
 * right, where a long text squeezes the rest). Empty parts are left out.
 */
export const lines = (...parts: (string | null | undefined | false)[]) => {
  const shown = parts.filter(Boolean) as string[];
  return (
    <>
      {shown.map((part, i) => (
        <span key={i} style={{ display: 'block' }}>
          {part}
        </span>
      ))}
    </>
  );
};
