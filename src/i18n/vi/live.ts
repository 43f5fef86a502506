/** Vietnamese messages of live updates: what a screen announces when figures change under it. */
export const liveVi = {
  /** Read by screen readers when new figures arrive (the visible cue is a brief highlight). */
  updated: 'Vừa cập nhật: {{what}}',
  updatedData: 'Vừa cập nhật số liệu',
  andMore: '{{list}} và các mục khác',
};
