import type { RuleId } from './rules.js';

/** Rule ids of the editors' checks by name; each is documented in the registry, model/rules.ts. */
export const EDITOR_RULES = {
  /** An article's address differs from the one the last successful build published (warning; error with `check --strict`). */
  addressChanged: 'address-changed',
  /** An article the last successful build published is gone, and with it its address (warning only: deleting can be meant). */
  addressGone: 'address-gone',
  /** The day a file name starts with is not the day `date:` gives (warning). */
  dateMismatch: 'date-mismatch',
  /** A placeholder `new` or `init` writes is still in the text (warning; error with `--strict`). */
  placeholder: 'placeholder',
} as const satisfies Record<string, RuleId>;

export type EditorRuleId = (typeof EDITOR_RULES)[keyof typeof EDITOR_RULES];

/**
 * Warnings `check --strict` counts as errors: what CI must not publish unnoticed. A deleted article
 * is not among them: `check` writes no ledger, so a deliberate deletion would block CI for good.
 */
export const STRICT_RULES: ReadonlySet<string> = new Set([EDITOR_RULES.addressChanged, EDITOR_RULES.placeholder]);

/** Warnings an editor must see even without `--verbose`: each asks for a change in a file. */
export const ALWAYS_SHOWN_RULES: ReadonlySet<string> = new Set(Object.values(EDITOR_RULES));
