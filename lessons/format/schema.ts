/** zod schemas for what a lesson file may contain: front matter and directive attributes. */
import { z } from 'zod';

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be letters, digits and dashes');

export const frontMatterSchema = z
  .object({
    id: z.string().regex(/^\d{2}-[a-z0-9-]+$/, 'must look like "02-chain-rule" (two digits, dash, slug)'),
    title: z.string().min(3),
    topic: z.string().min(3),
    objectives: z.array(z.string().min(3)).min(1, 'needs at least one objective'),
  })
  .strict();

export const directiveNames = ['graph', 'checkpoint', 'plot', 'training'] as const;

export const directiveSchema = z.object({
  name: z.enum(directiveNames),
  attrs: z.object({ id: slug }).strict(),
});
