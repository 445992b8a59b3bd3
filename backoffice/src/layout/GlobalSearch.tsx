import { useEffect, useState } from 'react';
import { Autocomplete, Box, InputAdornment, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useDataProvider, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { batchLabel, missionLabel } from '../common/format';
import { can } from '../providers/permissions';
import { useMe } from '../providers/useMe';

interface Hit {
  key: string;
  group: string;
  label: string;
  detail: string;
  to: string;
}

/** What is searched, in this order: students by name, email or phone (within the user's scope), batches, missions. */
const SOURCES = [
  { resource: 'students', group: 'app.search.students', label: (r: RaRecord) => String(r.name), detail: (r: RaRecord) => [r.email, r.phone].filter(Boolean).join(' · ') },
  { resource: 'batches', group: 'app.search.batches', label: (r: RaRecord) => batchLabel(r), detail: () => '' },
  { resource: 'missions', group: 'app.search.missions', label: (r: RaRecord) => missionLabel(r), detail: () => '' },
];

/** The app bar's search: type two letters or more, pick a student, batch or mission, land on its page. */
export const GlobalSearch = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  const me = useMe();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [loading, setLoading] = useState(false);
  const sources = SOURCES.filter((s) => can(me?.permissions, s.resource, 'list'));

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      return undefined;
    }
    let stale = false;
    setLoading(true);
    // Asked once typing pauses, all sources at once.
    const timer = setTimeout(async () => {
      const results = await Promise.all(
        sources.map((s) =>
          dataProvider
            .getList(s.resource, { filter: { q }, pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'DESC' } })
            .then(({ data }) =>
              data.map((r) => ({ key: `${s.resource}-${r.id}`, group: translate(s.group), label: s.label(r), detail: s.detail(r), to: `/${s.resource}/${r.id}/show` })),
            )
            .catch(() => [] as Hit[]),
        ),
      );
      if (stale) return;
      setHits(results.flat());
      setLoading(false);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  if (sources.length === 0) return null;
  return (
    <Autocomplete<Hit, false, false, false>
      options={hits}
      groupBy={(hit) => hit.group}
      getOptionLabel={(hit) => hit.label}
      filterOptions={(options) => options}
      isOptionEqualToValue={(a, b) => a.key === b.key}
      loading={loading}
      inputValue={text}
      onInputChange={(_e, value, reason) => {
        if (reason !== 'reset') setText(value);
      }}
      onChange={(_e, hit) => {
        if (!hit) return;
        setText('');
        setHits([]);
        redirect(hit.to);
      }}
      value={null}
      noOptionsText={text.trim().length < 2 ? translate('app.search.hint') : translate('app.search.nothing')}
      loadingText={translate('app.search.loading')}
      size="small"
      sx={{ width: { xs: 150, sm: 260, md: 340 }, mx: { xs: 0.5, sm: 1 } }}
      renderOption={({ key, ...props }, hit) => (
        <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
          <Box sx={{ overflowWrap: 'anywhere' }}>{hit.label}</Box>
          {hit.detail && (
            <Box component="span" sx={{ fontSize: '0.8rem', color: 'text.secondary', overflowWrap: 'anywhere' }}>
              {hit.detail}
            </Box>
          )}
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={translate('app.search.placeholder')}
          aria-label={translate('app.search.label')}
          slotProps={{
            input: {
              ...params.InputProps,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{
            '& .MuiOutlinedInput-root': { bgcolor: 'rgba(255,255,255,0.15)', color: 'inherit', '& fieldset': { borderColor: 'rgba(255,255,255,0.4)' } },
            '& .MuiInputAdornment-root, & .MuiAutocomplete-popupIndicator, & .MuiAutocomplete-clearIndicator': { color: 'inherit' },
            '& input::placeholder': { color: 'inherit', opacity: 0.85 },
          }}
        />
      )}
    />
  );
};
