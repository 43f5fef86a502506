/**
 * Every text enters in Unicode NFC: the same name typed on two keyboards (precomposed "ồ" or "o" + two combining
 * marks) is then one value, one filter entry and one search hit. Applied to request bodies and query strings.
 */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}
