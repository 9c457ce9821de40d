// The three built-in authentication strengths, identical in every tenant (concept-authentication-strengths).
import type { AuthenticationStrengthPolicy } from './authentication-strength-schema';

export const multifactorStrengthId = '00000000-0000-0000-0000-000000000002';
export const passwordlessStrengthId = '00000000-0000-0000-0000-000000000003';
export const phishingResistantStrengthId = '00000000-0000-0000-0000-000000000004';

export const builtInAuthenticationStrengths: readonly AuthenticationStrengthPolicy[] = [
  {
    id: multifactorStrengthId,
    displayName: 'Multifactor authentication',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
      'deviceBasedPush',
      'temporaryAccessPassOneTime',
      'temporaryAccessPassMultiUse',
      'password,microsoftAuthenticatorPush',
      'password,softwareOath',
      'password,hardwareOath',
      'password,x509CertificateSingleFactor',
      'password,x509CertificateMultiFactor',
      'password,sms',
      'password,voice',
      'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor',
      'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor',
      'sms,federatedSingleFactor',
      'voice,federatedSingleFactor',
    ],
  },
  {
    id: passwordlessStrengthId,
    displayName: 'Passwordless MFA',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
  },
  {
    id: phishingResistantStrengthId,
    displayName: 'Phishing-resistant MFA',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  },
];
