import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Box, Tab, Tabs } from '@mui/material';

export interface PageTab {
  /** Kept in the address (?tab=key) so a reload or a shared link opens the same tab. */
  key: string;
  label: ReactNode;
  content: ReactNode;
  /** Left out (e.g. the user may not see it). */
  hidden?: boolean;
}

/**
 * Tabs of a show page (scrollable on phones). Only the chosen tab's content is rendered, so each
 * tab fetches its data when opened.
 */
export const PageTabs = ({ tabs, label }: { tabs: PageTab[]; label: string }) => {
  const [params, setParams] = useSearchParams();
  const id = useId();
  const shown = tabs.filter((t) => !t.hidden);
  const current = shown.find((t) => t.key === params.get('tab')) ?? shown[0];
  if (!current) return null;
  const choose = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === shown[0].key) next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  };
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', width: 0, minWidth: '100%' }}>
      <Tabs
        value={current.key}
        onChange={(_e, key) => choose(key)}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        aria-label={label}
        sx={{ borderBottom: 1, borderColor: 'divider', px: { sm: 1 } }}
      >
        {shown.map((t) => (
          <Tab key={t.key} value={t.key} label={t.label} id={`${id}-tab-${t.key}`} aria-controls={`${id}-panel-${t.key}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`${id}-panel-${current.key}`} aria-labelledby={`${id}-tab-${current.key}`}>
        {current.content}
      </Box>
    </Box>
  );
};
