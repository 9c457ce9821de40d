// Message keys (under simulator.blast) the blast-radius panel needs; shared by the page and the client panel.
export const blastRadiusLabelKeys = [
  'formLabel', 'app', 'location', 'useIp', 'ip', 'forgotten', 'flows', 'compare', 'compare_none', 'compare_version', 'compare_draft', 'compareVersion',
  'draft', 'draftHelp', 'draftNotJson', 'useRecommended', 'run', 'cancel', 'running', 'done', 'cancelled', 'progress', 'phase_current', 'phase_compared',
  'chartCurrent', 'chartCompared', 'chartDescription', 'chartTable', 'flow', 'granted', 'interrupted', 'blocked', 'unavailable', 'diffTitle', 'newlyBlocked',
  'newlyGranted', 'newlyAbleToReset', 'newlyInterrupted', 'heatTitle', 'heatHelp', 'group',
] as const;

export type BlastRadiusLabels = Record<(typeof blastRadiusLabelKeys)[number], string>;
