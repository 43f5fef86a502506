/**
 * The extraction itself, with the locality index it resolves unit names against. Loaded on demand only (by the
 * worker, or by extract-runner.ts where workers are unavailable), so neither the extractor nor the 650 kB unit
 * list is part of the app's initial bundle.
 */
import data from '../../../data/localities.json';
import { createLocalityIndex, type LocalityDataset, type LocalityIndex } from '../../../domain/localities';
import { type Directive, extractDirectives } from '../../../extraction/extract';

let index: LocalityIndex | null = null;

export function runExtraction(text: string, articleDate?: string): Directive[] {
  index ??= createLocalityIndex(data as unknown as LocalityDataset);
  return extractDirectives(text, { articleDate, localities: index });
}
