/** German texts of the viewer window (keys start with `viewer.`). */
export const viewerDe = {} as const;
