import { Create, SimpleForm } from 'react-admin';
import { AssignmentInputs, pickAssignmentFields } from './AssignmentInputs';

/** New assignment (a mission's page links here with ?source={"mission_id":…} to choose the mission). */
export const AssignmentCreate = () => (
  <Create title="New assignment" redirect="show" transform={pickAssignmentFields}>
    <SimpleForm>
      <AssignmentInputs />
    </SimpleForm>
  </Create>
);
