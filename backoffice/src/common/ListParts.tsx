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
