import { Box, Button as MuiButton, Grid, Link as MuiLink, Paper, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import SendIcon from '@mui/icons-material/Send';
import {
  Form,
  Link,
  ReferenceManyField,
  SaveButton,
  Show,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { FormPanel } from '../common/FormPanel';
import { useCreateAndReset } from '../common/useCreateAndReset';
import { TICKET_STATUS_CHOICES } from '../common/choices';
import { CompactPagination } from '../common/CompactPagination';
import { errorMessage } from '../common/errors';
import { formatDateTime } from '../common/format';
import { LinkListInput, cleanLinks } from '../common/LinkListInput';
import { LabeledValue } from '../common/LabeledValue';
import { roleLabel } from '../common/roles';
import { None, Section } from '../common/Section';
import { StatusChip } from '../common/StatusChip';
import { recipientText, waitingText } from './TicketList';

const TicketTitle = () => {
  const record = useRecordContext();
  return <span>{record ? `Ticket: ${record.subject}` : 'Ticket'}</span>;
};

/** Close the ticket, or reopen a closed one (staff who may update tickets). */
const StatusButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'tickets', action: 'edit' });
  const [update, { isPending }] = useUpdate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !canAccess) return null;
  const next = record.status === 'closed' ? 'open' : 'closed';
  return (
    <MuiButton
      size="small"
      startIcon={next === 'closed' ? <LockIcon /> : <LockOpenIcon />}
      disabled={isPending}
      onClick={async () => {
        try {
          await update('tickets', { id: record.id, data: { status: next }, previousData: record }, { mutationMode: 'pessimistic', returnPromise: true });
          notify(next === 'closed' ? 'Ticket closed.' : 'Ticket reopened.', { type: 'success' });
          refresh();
        } catch (error) {
          notify(errorMessage(error), { type: 'error' });
        }
      }}
    >
      {next === 'closed' ? 'Close ticket' : 'Reopen ticket'}
    </MuiButton>
  );
};

const Summary = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <LabeledValue label="Student">
        <Link to={`/students/${record.student_id}/show`}>{String(record.student_name ?? '')}</Link>
      </LabeledValue>
      <LabeledValue label="To">{recipientText(record)}</LabeledValue>
      <LabeledValue label="Status">
        <StatusChip choices={TICKET_STATUS_CHOICES} />
      </LabeledValue>
      <LabeledValue label="Waiting">{waitingText(record) || 'Answered'}</LabeledValue>
      <LabeledValue label="Opened">{formatDateTime(record.created_at)}</LabeledValue>
    </Grid>
  );
};

/** The thread, oldest first: the student's messages on the left, staff replies on the right. */
const Thread = () => {
  const { data = [], isPending } = useListContext();
  const ticket = useRecordContext();
  if (isPending) return null;
  if (data.length === 0) return <None text="No message." />;
  return (
    <Box component="ol" aria-label="Messages" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {data.map((message) => {
        const fromStudent = message.author_role === 'student';
        const links = Array.isArray(message.links) ? (message.links as string[]) : [];
        return (
          <Box component="li" key={message.id} sx={{ display: 'flex', justifyContent: fromStudent ? 'flex-start' : 'flex-end' }}>
            <Paper
              variant="outlined"
              sx={{
                p: 1.5,
                maxWidth: { xs: '92%', sm: '75%' },
                minWidth: 0,
                bgcolor: fromStudent ? 'background.paper' : 'rgba(40, 53, 147, 0.06)',
                borderColor: fromStudent ? 'divider' : 'primary.light',
              }}
            >
              <Typography variant="caption" color="text.secondary" component="p">
                {`${message.author_name}${fromStudent ? '' : ` (${roleLabel(String(message.author_role))})`} · ${formatDateTime(message.created_at)}`}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
                {String(message.body)}
              </Typography>
              {links.length > 0 && (
                <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
                  {links.map((link) => (
                    <li key={link}>
                      <MuiLink href={link} target="_blank" rel="noopener noreferrer" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                        {link}
                      </MuiLink>
                    </li>
                  ))}
                </Box>
              )}
            </Paper>
          </Box>
        );
      })}
      {ticket?.status === 'closed' && (
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
          The ticket is closed.
        </Typography>
      )}
    </Box>
  );
};

/** Reply to the student (they are emailed); the ticket then waits for them. */
const ReplyForm = () => {
  const ticket = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'ticket_messages', action: 'create' });
  const { save, isPending, formKey } = useCreateAndReset('ticket_messages');
  if (!ticket || !canAccess) return null;
  const submit = async (values: Record<string, unknown>) => {
    const links = cleanLinks(values.links);
    return save({ ticket_id: ticket.id, body: String(values.body ?? '').trim(), links }, 'Reply sent; the student is emailed.');
  };
  return (
    <FormPanel id="reply-heading" title={ticket.status === 'closed' ? 'Reply (reopens the conversation for the student)' : 'Reply'} sx={{ mt: 2 }}>
      <Form key={formKey} onSubmit={submit} defaultValues={{ links: [] }}>
        <TextInput source="body" label="Your reply" multiline minRows={3} validate={[required('Write your reply.'), maxLength(20000)]} helperText={false} fullWidth />
        <LinkListInput source="links" label="Links (optional)" />
        <SaveButton label="Send reply" icon={<SendIcon />} disabled={isPending} alwaysEnable sx={{ mt: 1 }} />
      </Form>
    </FormPanel>
  );
};

export const TicketShow = () => (
  <Show
    title={<TicketTitle />}
    actions={
      <TopToolbar>
        <StatusButton />
      </TopToolbar>
    }
  >
    <Summary />
    <Section title="Conversation">
      <ReferenceManyField reference="ticket_messages" target="ticket_id" sort={{ field: 'created_at', order: 'ASC' }} perPage={100} pagination={<CompactPagination />}>
        <Thread />
      </ReferenceManyField>
      <ReplyForm />
    </Section>
  </Show>
);
