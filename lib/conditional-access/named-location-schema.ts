// Graph namedLocation resources: ipNamedLocation and countryNamedLocation (location-condition;
// Graph: ipnamedlocation, countrynamedlocation). Unknown fields are kept and ignored.
import { z } from 'zod';
import { parseCidr } from './ip-address';

const cidrAddressSchema = z.string().refine((value) => parseCidr(value) !== null, {
  message: 'is not a valid CIDR range (expected e.g. "203.0.113.0/24" or "2001:db8::/48")',
});

export const ipRangeSchema = z.looseObject({
  '@odata.type': z.enum(['#microsoft.graph.iPv4CidrRange', '#microsoft.graph.iPv6CidrRange']).optional(),
  cidrAddress: cidrAddressSchema,
});

export const ipNamedLocationSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.ipNamedLocation'),
  id: z.string().min(1),
  displayName: z.string(),
  isTrusted: z.boolean().nullish(),
  ipRanges: z.array(ipRangeSchema),
});

export const countryNamedLocationSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.countryNamedLocation'),
  id: z.string().min(1),
  displayName: z.string(),
  // ISO 3166-1 alpha-2 codes, as Graph stores them.
  countriesAndRegions: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')),
  includeUnknownCountriesAndRegions: z.boolean().nullish(),
  countryLookupMethod: z.enum(['clientIpAddress', 'authenticatorAppGps', 'unknownFutureValue']).nullish(),
});

export const namedLocationSchema = z.discriminatedUnion('@odata.type', [
  ipNamedLocationSchema,
  countryNamedLocationSchema,
]);

export type IpNamedLocation = z.infer<typeof ipNamedLocationSchema>;
export type CountryNamedLocation = z.infer<typeof countryNamedLocationSchema>;
export type NamedLocation = z.infer<typeof namedLocationSchema>;
