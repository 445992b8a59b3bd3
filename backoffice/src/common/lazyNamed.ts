import { lazy, type ComponentType } from 'react';

/**
 * A component loaded when first rendered (its own chunk), from a module's named export: resources and pages
 * stay out of the first download, so the sign-in page and the shell come first. The layout's Suspense shows
 * "Loading" meanwhile.
 */
export const lazyNamed = <M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
