import type { ModifierGroup } from '../api/types';
import { toCents } from '../lib/money';

/** Picked option ids per modifier group id. */
export type Selection = Record<string, string[]>;

/** Single-choice groups (max 1) behave like radio buttons: a new pick replaces the old one. */
export function isSingleChoice(group: ModifierGroup): boolean {
  return group.max_select === 1;
}

/**
 * The selection after tapping `optionId` in `group`: a pick is removed when tapped again (unless the
 * group needs exactly one, where tapping the picked option keeps it), replaced in single-choice groups,
 * and refused when a multi-choice group is full.
 */
export function toggleOption(selection: Selection, group: ModifierGroup, optionId: string): Selection {
  const current = selection[group.id] ?? [];
  if (current.includes(optionId)) {
    if (isSingleChoice(group) && group.min_select >= 1) return selection;
    return { ...selection, [group.id]: current.filter((id) => id !== optionId) };
  }
  if (isSingleChoice(group)) return { ...selection, [group.id]: [optionId] };
  if (current.length >= group.max_select) return selection;
  return { ...selection, [group.id]: [...current, optionId] };
}

/** May this option still be picked (multi-choice groups stop at their maximum)? */
export function canPick(selection: Selection, group: ModifierGroup, optionId: string): boolean {
  const current = selection[group.id] ?? [];
  return current.includes(optionId) || isSingleChoice(group) || current.length < group.max_select;
}

/** What is wrong with the selection, per group, in the words the restaurant service uses. */
export function selectionErrors(groups: ModifierGroup[], selection: Selection): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const group of groups) {
    const n = (selection[group.id] ?? []).length;
    if (group.min_select === group.max_select && n !== group.min_select) {
      errors[group.id] = `${group.name}: choose exactly ${group.min_select}`;
    } else if (n < group.min_select) {
      errors[group.id] = `${group.name}: choose at least ${group.min_select}`;
    } else if (n > group.max_select) {
      errors[group.id] = `${group.name}: choose at most ${group.max_select}`;
    }
  }
  return errors;
}

/** The starting selection: single-choice groups that require a pick start on their first option. */
export function defaultSelection(groups: ModifierGroup[]): Selection {
  const selection: Selection = {};
  for (const group of groups) {
    const first = group.options[0];
    selection[group.id] = isSingleChoice(group) && group.min_select >= 1 && first ? [first.id] : [];
  }
  return selection;
}

/** A human rule for the group's heading. */
export function ruleText(group: ModifierGroup): string {
  if (group.min_select === group.max_select) return `Choose ${group.min_select}`;
  if (group.min_select === 0) return `Optional, up to ${group.max_select}`;
  return `Choose ${group.min_select} to ${group.max_select}`;
}

/** Unit price in cents with the picked options' price deltas. */
export function unitPriceCents(basePrice: number, groups: ModifierGroup[], selection: Selection): number {
  let cents = toCents(basePrice);
  for (const group of groups) {
    for (const option of group.options) {
      if ((selection[group.id] ?? []).includes(option.id)) cents += toCents(option.price_delta);
    }
  }
  return cents;
}

export function selectedOptionIds(groups: ModifierGroup[], selection: Selection): string[] {
  return groups.flatMap((g) => g.options.filter((o) => (selection[g.id] ?? []).includes(o.id)).map((o) => o.id));
}
