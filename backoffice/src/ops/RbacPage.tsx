import { Fragment, useState } from 'react';
import { Alert, Box, Chip, LinearProgress, Stack, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useAuthenticated } from 'react-admin';
import { roleLabel } from '../common/roles';
import { useIsSmall } from '../common/useIsSmall';
import { OpsSection, ScrollTable, mono, useApiGet } from './OpsParts';

interface Rbac {
  roles: string[];
  actions: string[];
  resources: { resource: string; roles: Record<string, string[]>; writable: Record<string, string[]>; scoped_roles: string[] }[];
  routes: { method: string; path: string; tag: string; roles: string[] | 'everyone'; rule: string }[];
  unlisted_routes: { method: string; path: string }[];
}

const LETTERS: Record<string, string> = { list: 'L', read: 'R', create: 'C', update: 'U', delete: 'D' };
const letter = (action: string) => LETTERS[action] ?? action.slice(0, 1).toUpperCase();

/** "L R · · ·" with the scoped marker; the fields a role may write in the tooltip. */
const Cell = ({ actions, allowed, scoped, writable }: { actions: string[]; allowed: string[]; scoped: boolean; writable?: string[] }) => {
  if (!allowed.length) {
    return (
      <Box component="span" sx={{ color: 'text.secondary' }} role="img" aria-label="no access">
        —
      </Box>
    );
  }
  const label = `${allowed.join(', ')}${scoped ? ' (own rows only)' : ''}${writable?.length ? `; writes ${writable.join(', ')}` : ''}`;
  return (
    <Box component="span" title={label} role="img" aria-label={label} sx={{ ...mono, whiteSpace: 'nowrap' }}>
      {actions.map((action) => (
        <Box
          key={action}
          component="span"
          aria-hidden
          sx={allowed.includes(action) ? { fontWeight: 700, color: 'text.primary' } : { color: 'text.disabled' }}
        >
          {allowed.includes(action) ? letter(action) : '·'}
        </Box>
      ))}
      {scoped && (
        <Box component="span" aria-hidden sx={{ color: 'warning.dark', fontWeight: 700, ml: 0.25 }}>
          *
        </Box>
      )}
    </Box>
  );
};

const stickyFirst = { position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1 } as const;

/** "mission_enrolments" with a line-break opportunity after each underscore (narrow first column on phones). */
const breakable = (name: string) =>
  name.split('_').map((part, i, parts) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));

const Matrix = ({ data, query }: { data: Rbac; query: string }) => {
  const rows = data.resources.filter((r) => r.resource.includes(query));
  return (
    <OpsSection id="matrix-heading" title={`Resources (${rows.length})`}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {`Each policy asked for every role: ${data.actions.map((a) => `${letter(a)} ${a}`).join(', ')}. `}
        <Box component="span" sx={{ color: 'warning.dark', fontWeight: 700 }}>
          *
        </Box>
        {' rows narrowed to the user\'s own (a mentor\'s students, a student\'s records). Hover a cell for the fields the role writes.'}
        <Box component="span" sx={{ display: { xs: 'inline', sm: 'none' } }}>
          {' Scroll the table sideways for every role.'}
        </Box>
      </Typography>
      <ScrollTable label="Permissions by resource and role" maxHeight="75vh">
        <TableHead>
          <TableRow>
            <TableCell sx={{ position: 'sticky', left: 0, zIndex: 3 }}>Resource</TableCell>
            {data.roles.map((role) => (
              <TableCell key={role} sx={{ whiteSpace: 'nowrap' }}>
                {roleLabel(role)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.resource} hover>
              <TableCell component="th" scope="row" sx={{ ...stickyFirst, ...mono, maxWidth: { xs: 120, sm: 'none' }, whiteSpace: { sm: 'nowrap' } }}>
                {breakable(r.resource)}
              </TableCell>
              {data.roles.map((role) => (
                <TableCell key={role}>
                  <Cell actions={data.actions} allowed={r.roles[role] ?? []} scoped={r.scoped_roles.includes(role) && (r.roles[role] ?? []).length > 0} writable={r.writable[role]} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </OpsSection>
  );
};

const RolesText = ({ roles }: { roles: string[] | 'everyone' }) => {
  if (roles === 'everyone') return <Chip size="small" color="warning" variant="outlined" label="Everyone (signed out too)" />;
  if (!roles.length) return <Chip size="small" label="Nobody" />;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {roles.map((role) => (
        <Chip key={role} size="small" variant="outlined" label={roleLabel(role)} />
      ))}
    </Stack>
  );
};

const Routes = ({ data, query }: { data: Rbac; query: string }) => {
  const isSmall = useIsSmall();
  const rows = data.routes.filter((r) => `${r.method} ${r.path} ${r.tag}`.toLowerCase().includes(query));
  return (
    <OpsSection id="routes-heading" title={`Custom routes (${rows.length})`}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Routes outside the generic resource protocol, with the roles their own check and the policies they apply let in.
      </Typography>
      {data.unlisted_routes.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {`Routes served but missing from the route table: ${data.unlisted_routes.map((r) => `${r.method} ${r.path}`).join(', ')}`}
        </Alert>
      )}
      {isSmall ? (
        <Box component="ul" aria-label="Custom routes and their roles" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {rows.map((r) => (
            <Box component="li" key={`${r.method} ${r.path}`} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
              <Box sx={{ ...mono, overflowWrap: 'anywhere' }}>
                <Box component="span" sx={{ fontWeight: 700, mr: 1 }}>
                  {r.method}
                </Box>
                {r.path}
              </Box>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
                {`${r.tag} · ${r.rule}`}
              </Typography>
              <RolesText roles={r.roles} />
            </Box>
          ))}
        </Box>
      ) : (
        <ScrollTable label="Custom routes and their roles" maxHeight="75vh">
          <TableHead>
            <TableRow>
              <TableCell>Route</TableCell>
              <TableCell>Area</TableCell>
              <TableCell>Roles</TableCell>
              <TableCell>Rule</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.method} ${r.path}`} hover>
                <TableCell sx={{ ...mono, whiteSpace: 'nowrap' }}>
                  <Box component="span" sx={{ fontWeight: 700, mr: 1 }}>
                    {r.method}
                  </Box>
                  {r.path}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.tag}</TableCell>
                <TableCell sx={{ minWidth: 180 }}>
                  <RolesText roles={r.roles} />
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  <Typography variant="caption" color="text.secondary">
                    {r.rule}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </OpsSection>
  );
};

/** /rbac — who may do what, computed by the API from its own policies and route table. */
export const RbacPage = () => {
  useAuthenticated();
  const rbac = useApiGet<Rbac>('/ops/rbac');
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, width: 0, minWidth: '100%' }}>
      <Title title="Access (RBAC)" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Access (RBAC)
        </Typography>
        <TextField
          size="small"
          label="Filter resources and routes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ width: { xs: '100%', sm: 280 } }}
        />
      </Stack>
      {rbac.loading && !rbac.data && <LinearProgress />}
      {rbac.error && <Alert severity="error">{rbac.error}</Alert>}
      {rbac.data && (
        <>
          <Matrix data={rbac.data} query={q} />
          <Routes data={rbac.data} query={q} />
        </>
      )}
    </Box>
  );
};
