import { Box } from '@mui/material';

/**
 * HTML the API has already rendered from markdown AND sanitised (notices' body_html). Never pass
 * anything else here: this is the only place the back office injects HTML.
 */
export const SanitisedHtml = ({ html, label }: { html: string | null | undefined; label?: string }) => (
  <Box
    aria-label={label}
    sx={{
      overflowWrap: 'anywhere',
      typography: 'body2',
      '& > :first-of-type': { mt: 0 },
      '& > :last-child': { mb: 0 },
      '& pre': { overflowX: 'auto', p: 1, bgcolor: 'action.hover', borderRadius: 1 },
      '& img': { maxWidth: '100%' },
      '& table': { display: 'block', overflowX: 'auto' },
    }}
    // The API renders body_md with a markdown renderer and sanitises the result on every write.
    dangerouslySetInnerHTML={{ __html: html ?? '' }}
  />
);
