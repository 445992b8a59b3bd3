import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { z } from 'zod';
import { errors } from '../core/errors';

/** zxcvbn's score 3: "safely unguessable" — resists an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

/** Length first (a clear rule people can follow); strength is checked by `assertStrongPassword`. */
export const PASSWORD_RULE = z
  .string({ error: 'Password is required.' })
  .min(10, 'Password must be at least 10 characters.')
  .max(200, 'Password must be at most 200 characters.');

let factory: ZxcvbnFactory | undefined;
// The dictionaries take ~0.2 s to load: once per process, on first use.
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** Words of the account that make a password easy to guess for anyone who knows the person. */
export function personalWords(...values: (string | null | undefined)[]): string[] {
  const words = new Set<string>(['sms', 'school', 'student', 'mentor']);
  for (const value of values) {
    if (!value) continue;
    const lower = value.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Why a password is too weak, as a sentence to show beside the field, or null when it is strong enough. */
export function passwordWeakness(password: string, userInputs: readonly string[] = []): string | null {
  // zxcvbn's work grows with length; the first 100 characters decide (a longer password is strong anyway).
  const result = zxcvbn().check(password.slice(0, 100), [...userInputs]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `This password is too easy to guess. ${advice || 'Add another word or two; uncommon words are best.'}`;
}

/** Refuses a weak new password with 422 and the reason on the field. */
export function assertStrongPassword(password: string, userInputs: readonly string[], field = 'password'): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw errors.validation(weakness, { [field]: weakness });
}
