import { Fragment } from 'react';
import { Box, Link } from '@mui/material';

// Trailing sentence punctuation is not part of the link.
const URL_PATTERN = /(https?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])/g;

/** Plain text with http(s) URLs turned into links (React escapes everything else). */
export const LinkifiedText = ({ text }: { text: string }) => {
  const parts = text.split(URL_PATTERN);
  return (
    <Box
      component="div"
      sx={{
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: '0.875rem',
        p: 1.5,
        bgcolor: 'action.hover',
        borderRadius: 1,
      }}
    >
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} href={part} target="_blank" rel="noopener noreferrer">
            {part}
          </Link>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </Box>
  );
};
