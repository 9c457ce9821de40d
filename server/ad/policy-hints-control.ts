import 'server-only';
// LDAP_SERVER_POLICY_HINTS_OID (MS-ADTS 3.1.1.3.4.1.35): asks the DC to apply password history and
// minimum age to an administrative reset too, as it does for a change. Sent only when the DC lists it in
// the rootDSE's supportedControl (Windows Server 2012 and later; Samba 4.17 does not, and then history is
// not enforced for resets: docs/hybrid-ad.md). Value: SEQUENCE { Flags INTEGER (1) }.
import { BerWriter, Control } from 'ldapts';

export const policyHintsOid = '1.2.840.113556.1.4.2239';

export class PolicyHintsControl extends Control {
  constructor() {
    super(policyHintsOid, { critical: false });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(1);
    value.endSequence();
    writer.writeBuffer(value.buffer, 0x04);
  }
}
