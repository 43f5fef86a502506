/**
 * Passwords that are long enough but guessed first: the long entries of the common-password lists, Vietnamese
 * favourites, and shapes (one repeated character, a keyboard row, a counting run, too few different characters).
 * Compared folded (lower case, no accents, no spaces).
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '1234567891011',
  '123123123123',
  '111111111111',
  '000000000000',
  '123456654321',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password@123',
  'p@ssw0rd1234',
  'p@ssword1234',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdf',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'qwerty123456',
  'abc123456789',
  'abcdefghijkl',
  'abcd12345678',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'administrator1',
  'letmein12345',
  'welcome12345',
  'welcome@1234',
  'changeme1234',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'trustno11234',
  'matkhau12345',
  'matkhau123456',
  'matkhaucuatoi',
  'matkhaumoi123',
  'anhyeuem1234',
  'emyeuanh1234',
  'vietnam12345',
  'vietnam123456',
  'vietnamvodich',
  'hanoi1234567',
  'saigon123456',
  'zaq12wsxcde3',
]);

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

function folded(password: string): string {
  return password
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Whether a password is one of the first ones an attacker tries. */
export function isCommonPassword(password: string, username?: string): boolean {
  const p = folded(password);
  if (COMMON.has(p)) return true;
  if (new Set(p).size < 5) return true;
  // A run along a keyboard row or the alphabet, forwards or backwards, with at most 2 extra characters.
  for (const row of ROWS) {
    for (const r of [row, [...row].reverse().join('')]) {
      for (let len = Math.min(p.length, r.length); len >= p.length - 2 && len >= 8; len -= 1) {
        for (let i = 0; i + len <= r.length; i += 1) if (p.includes(r.slice(i, i + len))) return true;
      }
    }
  }
  if (username && username.length >= 3 && p.includes(folded(username))) return true;
  return false;
}
