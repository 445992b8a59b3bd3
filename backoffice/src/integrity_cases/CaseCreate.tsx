import { Create, SimpleForm } from 'react-admin';
import { CaseInputs, pickCaseFields } from './CaseInputs';

/** Open a case (SREs, admins) or raise one for one's own student (mentors). ?source={"student_id":…} preselects the student. */
export const CaseCreate = () => (
  <Create title="Open an integrity case" redirect="show" transform={pickCaseFields}>
    <SimpleForm defaultValues={{ evidence_links: [] }}>
      <CaseInputs mode="create" />
    </SimpleForm>
  </Create>
);
