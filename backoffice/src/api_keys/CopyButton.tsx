import { useState } from 'react';
import { Button as MuiButton, type ButtonProps } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';

/** Copies `text` to the clipboard, saying so for a moment (selects nothing if the browser refuses). */
export const CopyButton = ({ text, label = 'Copy', ...rest }: { text: string; label?: string } & Omit<ButtonProps, 'onClick'>) => {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    setTimeout(() => setCopied(null), 2500);
  };
  return (
    <MuiButton onClick={copy} startIcon={copied === 'yes' ? <CheckIcon /> : <ContentCopyIcon />} {...rest}>
      {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy it by hand' : label}
    </MuiButton>
  );
};
