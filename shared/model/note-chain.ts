// Chains of refreshes: a note superseded by a newer answer to the same question (`superseded_by`),
// which may itself be superseded. Lists and searches prefer the newest of a chain.

/** The notes of `id`'s chain after it, oldest to newest (stops at a loop or a missing link). */
export function successorsOf(id: string, supersededBy: (id: string) => string | undefined): string[] {
  const seen = new Set<string>([id]);
  const chain: string[] = [];
  for (let next = supersededBy(id); next !== undefined && !seen.has(next); next = supersededBy(next)) {
    seen.add(next);
    chain.push(next);
  }
  return chain;
}

/**
 * Ranked items with the notes of one chain kept together, newest first, at the place of the best
 * ranked of them: a superseded note never outranks the note that refreshed it. Items whose chains
 * do not meet keep their order.
 */
export function newestFirstInChains<T extends { id: string }>(items: readonly T[], supersededBy: (id: string) => string | undefined): T[] {
  const groups = new Map<string, Array<{ item: T; depth: number }>>();
  for (const item of items) {
    const after = successorsOf(item.id, supersededBy);
    const head = after.at(-1) ?? item.id;
    const group = groups.get(head) ?? [];
    group.push({ item, depth: after.length });
    groups.set(head, group);
  }
  // Map order is insertion order: each group sits where its best ranked member was.
  return [...groups.values()].flatMap((group) => group.sort((a, b) => a.depth - b.depth).map(({ item }) => item));
}
