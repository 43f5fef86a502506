/**
 * The id of the `<script type="application/json">` in which the server gives the page its first `/stats` answer
 * (server/http/first-screen.ts; read by src/boot.ts and src/app/first-screen-data.ts). Its own module: the boot
 * entry must stay a few hundred bytes.
 */
export const FIRST_STATS_ID = 'dt-first-stats';
