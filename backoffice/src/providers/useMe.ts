import { useSyncExternalStore } from 'react';
import { session, type Me } from './session';

/** The signed-in user as kept by the auth provider (re-renders when it changes). */
export const useMe = (): Me | null => useSyncExternalStore(session.subscribe, session.getMe, session.getMe);
