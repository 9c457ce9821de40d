// Message keys (under simulator.editor) the policy editor needs; shared by the page and the client editor.
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
