/** Marked once, after the first frame that shows the overview's charts drawn with data (read by `npm run bench`). */
export const CHARTS_DRAWN_MARK = 'dt:charts-drawn';
/** Marked once, at the first frame the app itself drew the overview's charts with data (live: tooltips, drill-down). */
export const APP_READY_MARK = 'dt:app-ready';
