import 'server-only';
// The AD adapter the portal uses for synced users, all by objectSid: describe (account, effective policy,
// lockout, self-service refusals), reset (one modify replacing unicodePwd: an administrative reset,
// MS-ADTS 3.1.1.3.1.5.2; pwdLastSet=0 in the same modify when the user must change it at next sign-in),
// unlock (lockoutTime=0, MS-ADTS 3.1.1.5.3.7? "lockoutTime"), and pwdLastSet for reconciliation.
import { Attribute, Change, type Client } from 'ldapts';
import { AppError } from '@/lib/app-error';
import {
  lockoutStateOf,
  selfServiceRefusals,
  type AdAccount,
  type AdLockoutState,
  type AdSelfServiceRefusal,
} from '@/lib/ad/ad-account-state';
import type { AdPasswordPolicy } from '@/lib/ad/ad-password-policy';
import { findAccountBySid, readDomainInfo, readEffectivePolicy } from './ad-attributes';
import { withAdConnection } from './ad-connection';
import type { AdSettings } from './ad-settings';
import { adWriteError } from './ad-write-error';
import { PolicyHintsControl, policyHintsOid } from './policy-hints-control';

export type AdAccountReport = {
  account: AdAccount;
  policy: AdPasswordPolicy;
  lockout: AdLockoutState;
  /** Why self-service is refused (only the states listed in AD_SELF_SERVICE_REFUSED). */
  refusals: AdSelfServiceRefusal[];
  isProtected: boolean;
};

export type AdDirectory = {
  domainName: string;
  passwordSync: AdSettings['passwordSync'];
  describe(sid: string, now: Date): Promise<AdAccountReport | null>;
  resetPassword(sid: string, password: string, options?: { requireChangeAtNextSignIn?: boolean }): Promise<void>;
  unlock(sid: string): Promise<{ wasLocked: boolean }>;
  requirePasswordChangeAtNextSignIn(sid: string): Promise<void>;
  /** When the password was last set in AD (null: must change at next sign-in, or never set). */
  passwordLastSet(sid: string): Promise<Date | null>;
};

/** UTF-16LE of the password in double quotes: the only form unicodePwd accepts (MS-ADTS 3.1.1.3.1.5). */
export function unicodePwdValue(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'The account was not found in Active Directory.', { reason: 'adAccountNotFound' });
}

async function requireAccount(client: Client, settings: AdSettings, sid: string): Promise<AdAccount> {
  const account = await findAccountBySid(client, settings.baseDn, sid);
  if (!account) throw notFound();
  return account;
}

async function supportsPolicyHints(client: Client): Promise<boolean> {
  const root = await client.search('', { scope: 'base', attributes: ['supportedControl'] });
  const controls = root.searchEntries[0]?.supportedControl;
  return (Array.isArray(controls) ? controls : [controls]).some((value) => String(value) === policyHintsOid);
}

function replace(type: string, value: string | Buffer): Change {
  return new Change({
    operation: 'replace',
    modification: new Attribute({ type, values: typeof value === 'string' ? [value] : [value] }),
  });
}

export function createAdDirectory(settings: AdSettings): AdDirectory {
  return {
    domainName: settings.domainName,
    passwordSync: settings.passwordSync,
    async describe(sid, now) {
      return withAdConnection(settings, async (client) => {
        const account = await findAccountBySid(client, settings.baseDn, sid);
        if (!account) return null;
        const domain = await readDomainInfo(client);
        const policy = await readEffectivePolicy(client, account, domain);
        const all = selfServiceRefusals(account, {
          protectedGroups: settings.protectedGroups,
          domainSid: domain.securityIdentifier,
          now,
        });
        return {
          account,
          policy,
          lockout: lockoutStateOf(account, policy.lockoutDurationMinutes, now),
          refusals: all.filter((refusal) => settings.selfServiceRefused.includes(refusal)),
          isProtected: all.includes('protected'),
        };
      });
    },
    async resetPassword(sid, password, options = {}) {
      await withAdConnection(settings, async (client, progress) => {
        const account = await requireAccount(client, settings, sid);
        const domain = await readDomainInfo(client);
        const policy = await readEffectivePolicy(client, account, domain);
        const changes = [replace('unicodePwd', unicodePwdValue(password))];
        if (options.requireChangeAtNextSignIn) changes.push(replace('pwdLastSet', '0'));
        const controls = (await supportsPolicyHints(client)) ? [new PolicyHintsControl()] : [];
        try {
          progress.writeSent();
          await client.modify(account.distinguishedName, changes, controls);
        } catch (error) {
          throw adWriteError(error, {
            policy,
            password,
            names: { samAccountName: account.samAccountName, displayName: account.displayName },
          });
        }
      });
    },
    async unlock(sid) {
      return withAdConnection(settings, async (client, progress) => {
        const account = await requireAccount(client, settings, sid);
        try {
          // From here a lost answer may hide an unlock that landed: reconciliation reads lockoutTime.
          progress.writeSent();
          await client.modify(account.distinguishedName, [replace('lockoutTime', '0')]);
        } catch (error) {
          throw adWriteError(error);
        }
        return { wasLocked: account.lockedSince !== null };
      });
    },
    async requirePasswordChangeAtNextSignIn(sid) {
      await withAdConnection(settings, async (client, progress) => {
        const account = await requireAccount(client, settings, sid);
        try {
          // From here a lost answer may hide a change that landed: the desk reads pwdLastSet back.
          progress.writeSent();
          await client.modify(account.distinguishedName, [replace('pwdLastSet', '0')]);
        } catch (error) {
          throw adWriteError(error);
        }
      });
    },
    async passwordLastSet(sid) {
      return withAdConnection(
        settings,
        async (client) => (await requireAccount(client, settings, sid)).passwordLastSet,
      );
    },
  };
}
