/** Marked once, after the first frame that shows the overview's charts drawn with data (read by `npm run bench`). */
export const CHARTS_DRAWN_MARK = 'dt:charts-drawn';
