import { Button as MuiButton } from '@mui/material';
import AddLinkIcon from '@mui/icons-material/AddLink';
import { ArrayInput, SimpleFormIterator, TextInput, regex, required, useSimpleFormIterator } from 'react-admin';

const httpLink = regex(/^https?:\/\/\S+$/, 'Enter a full http(s) link.');

const AddLinkButton = () => {
  const { add } = useSimpleFormIterator();
  return (
    <MuiButton size="small" startIcon={<AddLinkIcon />} onClick={() => add()}>
      Add a link
    </MuiButton>
  );
};

/** A list of http(s) links (evidence, attachments): one input per link, "Add a link" below. */
export const LinkListInput = ({ source, label, helperText }: { source: string; label: string; helperText?: string | false }) => (
  <ArrayInput source={source} label={label} helperText={helperText ?? false}>
    <SimpleFormIterator inline disableReordering disableClear addButton={<AddLinkButton />}>
      <TextInput
        source=""
        label="Link"
        type="url"
        validate={[required('Enter the link or remove the row.'), httpLink]}
        helperText={false}
        sx={{ minWidth: { xs: '100%', sm: 420 } }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);

/** The links as the API wants them: trimmed, blanks dropped. */
export const cleanLinks = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).map((link) => String(link ?? '').trim()).filter(Boolean);
