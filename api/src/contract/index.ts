// The API contract the portal is written against: response shapes the API's handlers are typed with, so a change on
// either side fails the other's typecheck (the portal imports these as types only; nothing here runs in the portal).

export * from './roles';
export type * from './account';
export type * from './dashboard';
export type * from './standing';
export type * from './communication';
export type * from './records';
