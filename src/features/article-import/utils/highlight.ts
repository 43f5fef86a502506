/**
 * Cuts the article's text into stretches for highlighting: plain text, or the clause of a draft (the innermost where
 * clauses overlap after an edit), and whether the stretch lies in the sentence of the selected draft. Rendering
 * turns these into React elements: the text is never handled as HTML.
 */

export interface HighlightSpan {
  key: string;
  start: number;
  end: number;
}

export interface Stretch {
  start: number;
  end: number;
  /** The draft whose clause this is, or null. */
  key: string | null;
  /** Inside the sentence of the selected draft. */
  selectedQuote: boolean;
}

export function stretches(
  length: number,
  clauses: readonly HighlightSpan[],
  selectedQuote: { start: number; end: number } | null,
): Stretch[] {
  const valid = clauses.filter((s) => s.start >= 0 && s.end <= length && s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  if (selectedQuote && selectedQuote.end > selectedQuote.start) {
    cuts.add(Math.max(0, Math.min(length, selectedQuote.start)));
    cuts.add(Math.max(0, Math.min(length, selectedQuote.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Clauses sorted by start: each piece only looks at the clauses that began before it (a sweep, not n × m).
  const sorted = [...valid].sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  let next = 0;
  const open: HighlightSpan[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < sorted.length && sorted[next]!.start <= start) open.push(sorted[next++]!);
    let best: HighlightSpan | null = null;
    for (let k = open.length - 1; k >= 0; k--) {
      const s = open[k]!;
      if (s.end <= start) {
        open.splice(k, 1);
        continue;
      }
      if (s.end >= end && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    const inQuote = selectedQuote !== null && start >= selectedQuote.start && end <= selectedQuote.end;
    const key = best?.key ?? null;
    const prev = out.at(-1);
    if (prev && prev.key === key && prev.selectedQuote === inQuote) prev.end = end;
    else out.push({ start, end, key, selectedQuote: inQuote });
  }
  return out.filter((s) => s.end > s.start);
}
