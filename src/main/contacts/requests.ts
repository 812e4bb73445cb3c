/**
 * Schemas of the four request bodies the widget sends. Loose objects: the real widget adds
 * fields (`type`, `callerIds`, `triggerFrom`, `entityType`, ...) that must not fail a request.
 * Sizes are capped so a hostile page cannot make one request arbitrarily expensive.
 */
import { z } from 'zod';

const token = z.union([z.string().max(500), z.number(), z.null()]).optional();

/** `/contacts`: `page` is 1 (or absent) first, then our `nextPage` verbatim. */
export const ListRequest = z.looseObject({ page: token, syncTimestamp: token });
export type ListRequest = z.infer<typeof ListRequest>;

/** `/contacts/search`. */
export const SearchRequest = z.looseObject({ searchString: z.string().max(200) });
export type SearchRequest = z.infer<typeof SearchRequest>;

/** `/contacts/match`: hundreds of numbers are normal; thousands are capped. */
export const MatchRequest = z.looseObject({
  phoneNumbers: z.array(z.string().max(100)).max(5000),
  callerIds: z.unknown().optional(),
  triggerFrom: z.unknown().optional(),
});
export type MatchRequest = z.infer<typeof MatchRequest>;

/** `/contacts/view`: the matched contact as the widget holds it. */
export const ViewRequest = z.looseObject({
  id: z.union([z.string().max(100), z.number()]).optional(),
  phoneNumbers: z
    .array(z.looseObject({ phoneNumber: z.string().max(100).optional() }))
    .max(100)
    .optional(),
});
export type ViewRequest = z.infer<typeof ViewRequest>;

/** A one-line description of why a body was refused. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request body';
  const where = issue.path.length ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}
