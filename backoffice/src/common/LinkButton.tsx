import type { ReactNode } from 'react';
import { Button as MuiButton, type ButtonProps } from '@mui/material';
import { LinkBase } from 'react-admin';

/**
 * A link styled as a button that keeps its label on phones (react-admin's Button shrinks to an
 * icon below 600 px), for the actions a page is about.
 */
export const LinkButton = ({ to, label, icon, ...rest }: { to: string; label: string; icon?: ReactNode } & Omit<ButtonProps, 'href'>) => (
  <MuiButton component={LinkBase} to={to} startIcon={icon} size="small" {...rest}>
    {label}
  </MuiButton>
);
