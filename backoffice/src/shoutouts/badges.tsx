import { Chip } from '@mui/material';
import type { Choice } from '../common/choices';

/** The API's shout-out badges with the labels (and phone-safe symbols) the student portal shows. */
export const BADGES: Record<string, { icon: string; label: string }> = {
  helpful: { icon: '♥', label: 'Helpful' },
  great_progress: { icon: '★', label: 'Great progress' },
  consistent: { icon: '✓', label: 'Consistent' },
  creative: { icon: '✦', label: 'Creative' },
  team_player: { icon: '♣', label: 'Team player' },
  comeback: { icon: '↑', label: 'Comeback' },
};

export const BADGE_CHOICES: Choice[] = Object.entries(BADGES).map(([id, { label }]) => ({ id, name: label }));

export const badgeLabel = (badge: unknown) => BADGES[String(badge)]?.label ?? String(badge ?? '');

/** A shout-out's badge as a small chip: "★ Great progress". */
export const BadgeChip = ({ badge }: { badge: unknown }) => {
  const known = BADGES[String(badge)];
  return (
    <Chip
      size="small"
      color="secondary"
      variant="outlined"
      label={known ? `${known.icon} ${known.label}` : String(badge ?? '')}
      sx={{ fontWeight: 500 }}
    />
  );
};
