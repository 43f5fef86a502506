/**
 * A short Vietnamese title for a task, derived from its clause: the cue words, the subject and the leading adverbs
 * (`tiếp tục`, `tập trung`, `làm tốt` …) are dropped, a list's item is preferred to its heading (`các nội dung nâng
 * cấp …` → `Nâng cấp …`), the purpose tail (`để …`, `, tạo …`, `theo phương châm …`) is cut, and the result is
 * capitalised and kept to about sixteen words.
 */
import { ACTION_VERBS, CONSEQUENCE_OPENINGS, NO_SPLIT_MARKERS, TITLE_LEADS } from './lexicon';
import { PhraseSet, type Token } from './tokens';

const MAX_WORDS = 18;
const LIST_INTRODUCERS = new PhraseSet(['các nội dung', 'nội dung', 'là', 'gồm', 'bao gồm', 'gồm có']);
const WEAK_LEADS = new PhraseSet(['tiếp thu', 'bám sát', 'quán triệt', 'nghiên cứu']);
const TRAILING_FUNCTION_WORDS = new Set([
  'và',
  'của',
  'các',
  'để',
  'với',
  'cho',
  'trong',
  'theo',
  'những',
  'là',
  'nhằm',
  'tại',
  'về',
  'đối',
  'từ',
  'đến',
]);
const PURPOSE = new PhraseSet(['để', 'nhằm', 'làm cơ sở', 'qua đó', 'từ đó', 'góp phần', 'tạo', 'tạo sự', 'hướng tới']);
const OPENING_QUOTE = new Set(['“', '"', '‘', '«', '(']);
const CLOSING = new Set(['”', '"', '’', '»', ')']);

function startsWithVerb(tokens: readonly Token[], i: number, end: number): boolean {
  if (i >= end) return false;
  if (ACTION_VERBS.matchAt(tokens, i, end) > 0) return true;
  const t = tokens[i]!;
  const n = tokens[i + 1];
  // `công tác xây dựng …`: the noun `công tác` over a verb.
  return t.key === 'công' && n?.key === 'tác' && i + 2 < end && ACTION_VERBS.matchAt(tokens, i + 2, end) > 0;
}

const ROLE = new PhraseSet(['chủ trì', 'phối hợp', 'phối hợp chặt chẽ']);

/** Index after `chủ trì[, phối hợp] với <partner>` when a verb follows the partner, else `i`. */
function skipRole(tokens: readonly Token[], i: number, end: number): number {
  let k = i;
  let roles = 0;
  for (let guard = 0; guard < 3; guard++) {
    const len = ROLE.matchAt(tokens, k, end);
    if (len === 0) break;
    roles++;
    k += len;
    if (tokens[k]?.text === ',') k++;
  }
  if (roles === 0) return i;
  if (tokens[k]?.key !== 'với' && tokens[k]?.key !== 'cùng') return startsWithVerb(tokens, k, end) ? k : i;
  for (let v = k + 2; v < Math.min(end, k + 14); v++) {
    const t = tokens[v]!;
    if (!t.word) return i;
    if (!t.cap && ACTION_VERBS.matchAt(tokens, v, end) > 0 && !['các', 'những'].includes(tokens[v - 1]!.key)) return v;
  }
  return i;
}

/** The title of the clause made of `tokens[from, to)` (tokens of `text`). */
export function makeTitle(text: string, tokens: readonly Token[], from: number, to: number): string {
  let i = from;
  let end = to;
  while (end > i && !tokens[end - 1]!.word && !CLOSING.has(tokens[end - 1]!.text)) end--;
  while (i < end && !tokens[i]!.word && !OPENING_QUOTE.has(tokens[i]!.text)) i++;

  // A list heading followed by its item: take the item.
  for (let k = i + 1; k < end - 1; k++) {
    const len = LIST_INTRODUCERS.matchAt(tokens, k, end);
    if (len === 0) continue;
    const after = k + len;
    if (after < end - 1 && (startsWithVerb(tokens, after, end) || tokens[after]!.cap)) {
      i = after;
      break;
    }
  }

  // `tiếp thu ý kiến … để bổ sung, hoàn thiện báo cáo`: the purpose is the task.
  if (WEAK_LEADS.matchAt(tokens, i, end) > 0) {
    for (let k = i + 2; k < end - 1; k++) {
      if (tokens[k]!.key === 'để' && startsWithVerb(tokens, k + 1, end)) {
        i = k + 1;
        break;
      }
    }
  }

  // Roles before the work: `chủ trì, phối hợp với các địa phương theo dõi …` → `theo dõi …`.
  i = skipRole(tokens, i, end);

  // Leading adverbs and light verbs, as long as a verb follows.
  for (let guard = 0; guard < 6; guard++) {
    const len = TITLE_LEADS.matchAt(tokens, i, end);
    if (len === 0) break;
    let next = i + len;
    if (tokens[next]?.text === ',') next++;
    if (next < end && (startsWithVerb(tokens, next, end) || TITLE_LEADS.matchAt(tokens, next, end) > 0)) {
      i = next;
      if (tokens[i]!.key === 'công' && tokens[i + 1]?.key === 'tác' && ACTION_VERBS.matchAt(tokens, i + 2, end) > 0) {
        i += 2;
      }
    } else {
      break;
    }
  }

  // Cut the purpose tail and mottos.
  let words = 0;
  for (let k = i; k < end; k++) {
    const t = tokens[k]!;
    if (t.word) words++;
    if (words < 3) continue;
    const prev = tokens[k - 1];
    // `để …` is a purpose, `không để …` (do not let …) is part of the task.
    const purpose =
      PURPOSE.matchAt(tokens, k, end) > 0 &&
      (t.key !== 'tạo' || prev?.text === ',') &&
      !(t.key === 'để' && prev?.word && ['không', 'chưa', 'đừng', 'chớ'].includes(prev.key));
    const consequence = prev?.text === ',' && CONSEQUENCE_OPENINGS.matchAt(tokens, k, end) > 0;
    if (purpose || consequence || NO_SPLIT_MARKERS.matchAt(tokens, k, end) > 0) {
      end = k;
      break;
    }
  }

  // Length: about sixteen words, preferably up to a comma.
  let ellipsis = false;
  words = 0;
  let lastComma = -1;
  for (let k = i; k < end; k++) {
    const t = tokens[k]!;
    if (t.text === ',') lastComma = k;
    if (t.word) words++;
    if (words > MAX_WORDS) {
      if (lastComma > i + 6) end = lastComma;
      else {
        end = k;
        ellipsis = true;
      }
      break;
    }
  }
  // No dangling function word or punctuation.
  while (end > i + 1) {
    const t = tokens[end - 1]!;
    if (t.word ? TRAILING_FUNCTION_WORDS.has(t.key) : !CLOSING.has(t.text)) end--;
    else break;
  }
  if (end <= i) return '';
  let title = text.slice(tokens[i]!.start, tokens[end - 1]!.end).replace(/\s+/gu, ' ');
  // Balance a quote the cut left open.
  const opens = (title.match(/“/gu) ?? []).length;
  const closes = (title.match(/”/gu) ?? []).length;
  if (opens > closes) title += '”';
  if (ellipsis) title += '…';
  const first = title.codePointAt(0)!;
  const firstChar = String.fromCodePoint(first);
  return firstChar.toLocaleUpperCase('vi') + title.slice(firstChar.length);
}
