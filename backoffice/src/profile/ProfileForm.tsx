import { Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useState } from 'react';
import {
  AutocompleteInput,
  Form,
  HttpError,
  TextInput,
  maxLength,
  required,
  useGetIdentity,
  useNotify,
  useUpdate,
} from 'react-admin';
import { timezoneChoices } from '../common/timezones';
import { avatarUrlValidator, phoneValidator } from '../common/validators';
import { session, type Me } from '../providers/session';

const PROFILE_FIELDS = ['name', 'phone', 'avatar_url', 'timezone'] as const;
type ProfileValues = Partial<Record<(typeof PROFILE_FIELDS)[number], string | null>>;

/** Own profile through PUT /users/<me.id>, sending only the self-editable fields. */
export const ProfileForm = ({ me }: { me: Me }) => {
  const [update] = useUpdate();
  const notify = useNotify();
  const { refetch } = useGetIdentity();
  const [saving, setSaving] = useState(false);

  const submit = async (values: ProfileValues) => {
    const data: ProfileValues = {};
    for (const key of PROFILE_FIELDS) {
      const v = values[key];
      data[key] = typeof v === 'string' ? v.trim() || null : (v ?? null);
    }
    setSaving(true);
    try {
      const saved = await update(
        'users',
        { id: me.id, data, previousData: me },
        { mutationMode: 'pessimistic', returnPromise: true },
      );
      session.patchMe({ ...(data as Partial<Me>), ...(saved as Partial<Me>) });
      await refetch();
      notify('Your profile has been saved.', { type: 'success' });
    } catch (e) {
      // Field errors go beside the inputs; the form then shows the message (root.serverError).
      if (e instanceof HttpError && e.body?.errors) return e.body.errors;
      notify(e instanceof Error ? e.message : 'Your profile could not be saved.', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Profile
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Signed in as {me.email}
        </Typography>
        <Form record={me} onSubmit={submit} noValidate>
          <Box sx={{ maxWidth: 520 }}>
            <TextInput source="name" label="Name" validate={[required('Enter your name.'), maxLength(200)]} fullWidth />
            <TextInput source="phone" label="Phone" type="tel" autoComplete="tel" validate={phoneValidator} fullWidth />
            <TextInput
              source="avatar_url"
              label="Avatar URL"
              type="url"
              validate={avatarUrlValidator}
              helperText="A link to a square picture, e.g. https://example.com/me.png"
              fullWidth
            />
            <AutocompleteInput source="timezone" label="Time zone" choices={timezoneChoices} fullWidth />
            <Button type="submit" variant="contained" startIcon={saving ? <CircularProgress size={18} /> : <SaveIcon />} disabled={saving}>
              Save profile
            </Button>
          </Box>
        </Form>
      </CardContent>
    </Card>
  );
};
