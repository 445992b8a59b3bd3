import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider } from 'react-admin';
import { apiUrl } from '../config';
import { httpClient } from './httpClient';

const base = simpleRestProvider(apiUrl, httpClient);

const idFilter = (ids: readonly unknown[]) =>
  `filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`;

/**
 * ra-data-simple-rest over the API, with the session cookie and CSRF header, and the
 * API's one-request bulk endpoints instead of one request per row:
 *   PUT    /<resource>?filter={"id":[…]}  body = fields to set  → [ids]
 *   DELETE /<resource>?filter={"id":[…]}                         → [ids]
 */
export const dataProvider: DataProvider = {
  ...base,
  updateMany: async (resource, params) => {
    const { json } = await httpClient(`${apiUrl}/${resource}?${idFilter(params.ids)}`, {
      method: 'PUT',
      body: JSON.stringify(params.data),
    });
    return { data: Array.isArray(json) ? json : params.ids };
  },
  deleteMany: async (resource, params) => {
    const { json } = await httpClient(`${apiUrl}/${resource}?${idFilter(params.ids)}`, {
      method: 'DELETE',
    });
    return { data: Array.isArray(json) ? json : params.ids };
  },
};
