import { z } from 'zod';

const ROUTE_NAMES = ['faq', 'order_status', 'order_change', 'return_refund', 'account', 'complaint', 'human_request', 'out_of_scope'] as const;

/** A string is matched case-insensitively as a substring; `/…/flags` is a regular expression. */
const textPattern = z.string().min(1);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

const toolExpectation = z.union([
  textPattern.transform((name) => ({ name, arguments: undefined, ok: undefined })),
  z
    .object({
      /** Tool name, or `/regex/` to accept any tool whose name matches. */
      name: textPattern,
      /** Subset match: every key given must be there (snake_case and camelCase are the same key); string values are patterns. */
      arguments: z.record(z.string(), z.unknown()).optional(),
      /** true: the call succeeded; false: the tool refused or failed. */
      ok: z.boolean().optional(),
    })
    .strict(),
]);

const handoffExpectation = z.union([z.boolean(), z.object({ reason: oneOrMany(textPattern) }).strict()]);

const turnExpectation = z
  .object({
    route: oneOrMany(z.enum(ROUTE_NAMES)).optional(),
    tools: oneOrMany(toolExpectation).optional(),
    /** Calls that must not happen: a name (any call to it), or a tool expectation (a call matching it). */
    not_tools: oneOrMany(toolExpectation).optional(),
    handoff: handoffExpectation.optional(),
    contains: oneOrMany(textPattern).optional(),
    not_contains: oneOrMany(textPattern).optional(),
    /** Policy ids the reply must cite, each an id (POL-RETURN-30D) or `/regex/` accepting any of several. */
    policy: oneOrMany(z.string().regex(/^(POL-[A-Z0-9-]+|\/.+\/[a-z]*)$/, 'a policy id looks like POL-RETURN-30D (or /POL-RETURN-.*/)')).optional(),
  })
  .strict();

const turn = z
  .object({
    say: z.string().min(1),
    expect: turnExpectation.default({}),
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by dashes')
      .optional(),
    /** The row of the scoreboard; defaults to the first expected route. */
    intent: z.enum(ROUTE_NAMES).optional(),
    description: z.string().optional(),
    tags: z.array(z.string()).default([]),
    /** The web chat profile the customer chats with (as the page sends it). */
    customer: z.object({ email: z.string().email().optional(), name: z.string().optional() }).strict().optional(),
    turns: z.array(turn).min(1),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type TurnExpectation = z.infer<typeof turnExpectation>;
export type ToolExpectation = z.infer<typeof toolExpectation>;

/** One conversation to replay, with what the product should do at each customer turn. */
export interface Scenario extends Omit<ScenarioFile, 'id' | 'intent'> {
  id: string;
  intent: string;
  file: string;
}
