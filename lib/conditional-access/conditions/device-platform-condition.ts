// Device platforms (concept-conditional-access-conditions): "all" includes unknown platforms, which is why
// Microsoft recommends "Any device" minus supported platforms to block unsupported ones.
import { defineCheck } from '../condition-check';

export const devicePlatformCheck = defineCheck(
  'devicePlatform',
  'The device platform is included and not excluded.',
  ({ policy, signIn }) => {
    const platforms = policy.platforms;
    if (!platforms) return true;
    const platform = signIn.devicePlatform;
    const isIncluded = platforms.include.has('all') || (platform !== null && platforms.include.has(platform));
    const isExcluded = platform !== null && platforms.exclude.has(platform);
    return isIncluded && !isExcluded;
  },
  ({ policy, signIn }) => {
    const platform = signIn.devicePlatform;
    if (platform === null) return 'The device platform is unknown and this policy only includes specific platforms.';
    return policy.platforms?.exclude.has(platform)
      ? `The ${platform} platform is excluded from this policy.`
      : `The ${platform} platform is not among the platforms this policy includes.`;
  },
  { signInKey: (s) => (s.devicePlatform === null ? '' : `p${s.devicePlatform}`) },
);
