// Message keys (under simulator.blast and simulator.editor) that the blast-radius panel and the policy editor
// receive as props; shared by the pages, the client components and the message-coverage test.
export const blastRadiusLabelKeys = [
  'formLabel', 'app', 'location', 'useIp', 'ip', 'forgotten', 'flows', 'compare', 'compare_none', 'compare_version', 'compare_draft', 'compareVersion',
  'draft', 'draftHelp', 'draftNotJson', 'useRecommended', 'run', 'cancel', 'running', 'done', 'cancelled', 'progress', 'phase_current', 'phase_compared',
  'chartCurrent', 'chartCompared', 'chartDescription', 'chartTable', 'flow', 'granted', 'interrupted', 'blocked', 'unavailable', 'diffTitle', 'newlyBlocked',
  'newlyGranted', 'newlyAbleToReset', 'newlyInterrupted', 'heatTitle', 'heatHelp', 'group',
] as const;

export type BlastRadiusLabels = Record<(typeof blastRadiusLabelKeys)[number], string>;

export const policyEditorLabelKeys = [
  'formLabel', 'displayName', 'state', 'state_enabled', 'state_enabledForReportingButNotEnforced', 'state_disabled',
  'usersTitle', 'usersHelp', 'includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups', 'includeRoles', 'excludeRoles',
  'appsTitle', 'appsHelp', 'includeApplications', 'excludeApplications', 'includeUserActions', 'urn:user:registersecurityinfo', 'urn:user:registerdevice',
  'includeAuthenticationContextClassReferences', 'conditionsTitle', 'includeLocations', 'excludeLocations', 'locationsHelp', 'includePlatforms',
  'excludePlatforms', 'clientAppTypes', 'signInRiskLevels', 'userRiskLevels', 'deviceFilter', 'deviceFilterHelp', 'deviceFilterMode', 'notConfigured',
  'grantTitle', 'access', 'block', 'grant', 'builtInControls', 'mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication',
  'compliantApplication', 'passwordChange', 'strength', 'noStrength', 'strengthHelp', 'operator', 'operator_AND', 'operator_OR',
  'sessionTitle', 'signInFrequency', 'everyTime', 'persistentBrowser', 'persistentAlways', 'persistentNever', 'comment', 'save', 'saving',
  'jsonTitle', 'jsonHelp', 'jsonInvalid', 'jsonNotObject', 'applyJson', 'idsTitle', 'ids_groups', 'ids_applications', 'ids_locations', 'ids_users', 'delete',
] as const;
