// node-polyglot (react-admin's translations) requires the `object.entries` polyfill, which drags a dozen
// ES-shim packages into the first download; every browser the back office supports has Object.entries.
const entries = (value: object) => Object.entries(value);
export default entries;
