import * as z from 'zod/mini';

/** Languages every user-facing text is written in. French is the default. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-facing text in every supported language. */
export const LocalizedText = z.object({
  fr: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
