// App ids behind the "Office365" and "MicrosoftAdminPortals" values of includeApplications
// (concept-conditional-access-cloud-apps). Microsoft does not publish the complete lists; these are the
// well-known first-party app ids. Documented choice: apps not listed here are not treated as members.
export const office365ApplicationIds: ReadonlySet<string> = new Set([
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online
  '00000004-0000-0ff1-ce00-000000000000', // Skype for Business Online
  '00000005-0000-0ff1-ce00-000000000000', // Office 365 Yammer
  '00000006-0000-0ff1-ce00-000000000000', // Microsoft Office 365 Portal
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', // Microsoft Teams Services
  '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3', // Microsoft Planner
  'c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', // Microsoft Forms
  'cf53fce8-def6-4aeb-8d30-b158e7b1cf83', // Microsoft Stream
  '905fcf26-4eb7-48a0-9ff0-8dcc7194b5ba', // Sway
]);

export const microsoftAdminPortalIds: ReadonlySet<string> = new Set([
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', // Azure portal
]);
