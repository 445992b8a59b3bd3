import { Box, Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { CALL_OUTCOME_SHORT, OUTCOME_COLORS, RISK_CHOICES, RISK_COLORS, RISK_REASON_CHOICES, choiceName } from './choices';

/** Reasons as a list of strings, whatever shape the API gave (a Postgres array arrives as a JSON array). */
export const reasonsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [];

export const reasonText = (reason: string) => choiceName(RISK_REASON_CHOICES, reason);

/** "Low attendance, Low points" for phone lists and CSV-like places. */
export const reasonsText = (value: unknown) => reasonsOf(value).map(reasonText).join(', ');

/** Small outlined chips, one per reason. */
export const ReasonChips = ({ reasons }: { reasons: unknown }) => {
  const list = reasonsOf(reasons);
  if (list.length === 0) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {list.map((reason) => (
        <Chip key={reason} size="small" variant="outlined" label={reasonText(reason)} sx={{ height: 20, fontSize: '0.7rem' }} />
      ))}
    </Box>
  );
};

/** The risk level as a coloured chip: high red, medium amber, ok green. */
export const RiskLevelChip = ({ risk }: { risk: unknown }) => {
  if (risk == null) return null;
  const value = String(risk);
  return <Chip size="small" label={choiceName(RISK_CHOICES, value)} color={RISK_COLORS[value] ?? 'default'} />;
};

/** A student_progress row's risk chip with its reasons beside it. */
export const RiskField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}>
      <RiskLevelChip risk={record.risk} />
      <ReasonChips reasons={record.risk_reasons} />
    </Box>
  );
};

export const outcomeText = (outcome: unknown) => (outcome ? (CALL_OUTCOME_SHORT[String(outcome)] ?? String(outcome)) : '');

/** A call's outcome as a coloured chip ("—" before the first call). */
export const OutcomeChip = ({ outcome }: { outcome: unknown }) => {
  if (!outcome) return <span>—</span>;
  const value = String(outcome);
  return <Chip size="small" variant="outlined" label={outcomeText(value)} color={OUTCOME_COLORS[value] ?? 'default'} />;
};
