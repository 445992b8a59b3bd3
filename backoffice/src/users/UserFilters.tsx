import { SearchInput, SelectInput } from 'react-admin';
import { STATUS_CHOICES, roleChoices } from '../common/roles';

/** Search is always shown; on phones role and status sit behind the "Add filter" button. */
export const userFilters = (isSmall: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="role" source="role" label="Role" choices={roleChoices} alwaysOn={!isSmall} />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn={!isSmall} />,
];
