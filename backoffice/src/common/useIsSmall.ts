import { useMediaQuery, type Theme } from '@mui/material';

/** True on phones (below MUI's `sm` breakpoint, 600 px): lists switch to SimpleList. */
export const useIsSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
