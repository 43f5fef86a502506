import data from '../src/data/localities.json';
import { createLocalityIndex, type LocalityDataset, type LocalityIndex } from '../src/domain/localities';

let index: LocalityIndex | null = null;
/** The administrative units of both eras (built once per process). */
export function loadLocalities(): LocalityIndex {
  index ??= createLocalityIndex(data as unknown as LocalityDataset);
  return index;
}
