// Active Directory's two time encodings, as integers of 100-nanosecond ticks:
// - FILETIME instants since 1601-01-01 UTC (`lockoutTime`, `pwdLastSet`, `accountExpires`); 0 and
//   0x7FFFFFFFFFFFFFFF mean "never" (MS-ADA1 Account-Expires; MS-ADTS 3.1.1.4.5.19).
// - Intervals stored negative (`lockoutDuration`, `minPwdAge`, `maxPwdAge`; msDS-* PSO attributes);
//   0x8000000000000000 ("-9223372036854775808") means "forever" (MS-ADTS 3.1.1.4.5.19 lockoutDuration).
const ticksPerMillisecond = 10_000n;
const epochOffsetTicks = 116_444_736_000_000_000n; // 1601-01-01 → 1970-01-01
const never = 0x7fffffffffffffffn;

function ticksOf(value: string | undefined): bigint | null {
  if (value === undefined || !/^-?\d{1,20}$/.test(value)) return null;
  return BigInt(value);
}

/** FILETIME → Date, or null for 0 / "never" / unset. */
export function fileTimeToDate(value: string | undefined): Date | null {
  const ticks = ticksOf(value);
  if (ticks === null || ticks <= 0n || ticks >= never) return null;
  return new Date(Number((ticks - epochOffsetTicks) / ticksPerMillisecond));
}

/** Negative interval → whole minutes (rounded down); null means "forever" or unset. */
export function intervalToMinutes(value: string | undefined): number | null {
  const ticks = ticksOf(value);
  if (ticks === null || ticks <= -0x8000000000000000n) return null;
  const magnitude = ticks < 0n ? -ticks : ticks;
  return Number(magnitude / (ticksPerMillisecond * 60_000n));
}
