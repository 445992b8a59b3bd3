import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme with the school's colours. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#283593' },
    secondary: { main: '#00838f' },
  },
};
