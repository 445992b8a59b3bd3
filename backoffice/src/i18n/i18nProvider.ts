import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';

/** English for now; the catalogue has the shape a second language (Bangla) will copy. */
export const i18nProvider = polyglotI18nProvider(() => en, 'en', [{ locale: 'en', name: 'English' }], { allowMissing: true });
