// The rule syntax of filter for devices, with the examples from concept-condition-filters-for-devices.
import { describe, expect, it } from 'vitest';
import { deviceFilterRuleError, parseDeviceFilterRule } from './device-filter-rule';

const matches = (rule: string, device: Record<string, unknown> | null) => parseDeviceFilterRule(rule).evaluate(device);

describe('device filter rules', () => {
  it.each([
    [
      '(device.deviceid -eq "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb")',
      { deviceId: 'aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb' },
    ],
    ['(device.displayName -contains "ABC")', { displayName: 'xxABCxx' }],
    ['(device.deviceOwnership -eq "Company")', { ownership: 'Company' }],
    [
      '(device.enrollmentProfileName -startsWith "AutoPilot Profile")',
      { enrollmentProfileName: 'AutoPilot Profile 7' },
    ],
    ['(device.isCompliant -eq "True")', { isCompliant: true }],
    ['(device.manufacturer -startsWith "Microsoft")', { manufacturer: 'Microsoft Corporation' }],
    [
      '(device.mdmAppId -in ["00001111-aaaa-2222-bbbb-3333cccc4444"])',
      { mdmAppId: '00001111-aaaa-2222-bbbb-3333cccc4444' },
    ],
    ['(device.model -notContains "Surface")', { model: 'ThinkPad' }],
    ['(device.operatingSystem -eq "Windows")', { operatingSystem: 'Windows' }],
    [
      '(device.operatingSystemVersion -in ["10.0.18363", "10.0.19041", "10.0.19042", "10.0.22000"])',
      { operatingSystemVersion: '10.0.19041' },
    ],
    ['(device.physicalIds -contains "[ZTDId]:value")', { physicalIds: ['[ZTDId]:value', '[USER-GID]:x'] }],
    ['(device.profileType -eq "Printer")', { profileType: 'Printer' }],
    ['(device.systemLabels -contains "M365Managed")', { systemLabels: ['M365Managed'] }],
    ['(device.trustType -eq "ServerAD")', { trustType: 'ServerAD' }],
    ['(device.extensionAttribute1 -eq "SAW")', { extensionAttribute1: 'SAW' }],
  ])('Microsoft example %s matches', (rule, device) => {
    expect(matches(rule, device)).toBe(true);
    expect(matches(rule, { other: 'x' })).toBe(rule.includes('-not'));
  });

  it('compares strings case-insensitively, like Entra', () => {
    expect(matches('device.operatingSystem -eq "windows"', { operatingSystem: 'Windows' })).toBe(true);
    expect(matches('device.model -endsWith "PRO"', { model: 'Surface Pro' })).toBe(true);
  });

  it('combines with -and, -or, -not and parentheses with the usual precedence', () => {
    const rule =
      'device.operatingSystem -eq "Windows" -and device.operatingSystemVersion -startsWith "10.0" -or device.trustType -eq "ServerAD"';
    expect(matches(rule, { operatingSystem: 'Windows', operatingSystemVersion: '10.0.1' })).toBe(true);
    expect(matches(rule, { operatingSystem: 'Windows', operatingSystemVersion: '6.1' })).toBe(false);
    expect(matches(rule, { trustType: 'ServerAD' })).toBe(true);
    expect(
      matches('device.operatingSystem -eq "Windows" -and (device.model -eq "A" -or device.model -eq "B")', {
        operatingSystem: 'Windows',
        model: 'B',
      }),
    ).toBe(true);
    expect(matches('-not (device.model -eq "A")', { model: 'A' })).toBe(false);
  });

  it('treats every property of an unregistered device as null: positive operators fail, negative ones hold', () => {
    expect(matches('device.extensionAttribute1 -eq "SAW"', null)).toBe(false);
    expect(matches('device.extensionAttribute2 -ne "TeamsPhoneDevice"', null)).toBe(true);
    expect(matches('device.model -notIn ["A"]', null)).toBe(true);
    expect(matches('device.model -in ["A"]', null)).toBe(false);
  });

  it.each([
    ['', /empty/],
    ['device.model -eq', /expected a quoted value/],
    ['device.colour -eq "red"', /supported device property/],
    ['device.model -like "A"', /operator/],
    ['device.model -in "A"', /needs a \[list\]/],
    ['device.model -eq ["A"]', /single value/],
    ['(device.model -eq "A"', /expected "\)"/],
    ['device.model -eq "A" device.model -eq "B"', /unexpected text/],
    ['device.model -eq "unterminated', /unterminated/],
    [`${'('.repeat(200)}device.model -eq "A"${')'.repeat(200)}`, /nested too deeply/],
  ])('rejects %j with a reason', (rule, reason) => {
    expect(deviceFilterRuleError(rule)).toMatch(reason);
  });
});
