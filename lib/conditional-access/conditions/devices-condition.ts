// Filter for devices (concept-condition-filters-for-devices): include mode applies the policy to devices
// matching the rule, exclude mode to devices not matching it. An unregistered device (no deviceInfo) has only
// null properties: positive operators don't match it, negative operators do. Also the deprecated device-state
// exclusions Compliant / DomainJoined (concept-conditional-access-conditions, "Device state").
import { defineCheck } from '../condition-check';

export const devicesCheck = defineCheck(
  'devices',
  'The device matches the policy device filter (include mode) or does not match it (exclude mode).',
  ({ policy, signIn }) => {
    const device = signIn.deviceInfo;
    if (policy.deviceFilter) {
      const isMatch = policy.deviceFilter.rule.evaluate(device);
      if (policy.deviceFilter.mode === 'include' ? !isMatch : isMatch) return false;
    }
    const states = policy.excludedDeviceStates;
    if (states) {
      if (states.has('compliant') && device?.isCompliant === true) return false;
      if (states.has('domainjoined') && (device?.trustType ?? '').toLowerCase() === 'serverad') return false;
    }
    return true;
  },
  ({ policy, signIn }) => {
    const filter = policy.deviceFilter;
    const known = signIn.deviceInfo ? 'The device' : 'The device (unregistered: every property is null)';
    if (filter) {
      return filter.mode === 'include'
        ? `${known} does not match the include filter "${filter.text}".`
        : `${known} matches the exclude filter "${filter.text}".`;
    }
    return 'The device is in an excluded device state (compliant or hybrid joined).';
  },
);
